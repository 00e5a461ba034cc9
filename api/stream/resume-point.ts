/**
 * Where the stream resumes: the id of the last event received. Ids are decimal strings that grow with every
 * event (up to 20 digits, beyond what a number holds exactly), compared as big integers.
 */
export function createResumePoint(start: string | undefined) {
  let last = start;
  let lastValue = start === undefined ? undefined : BigInt(start);
  return {
    get id(): string | undefined {
      return last;
    },
    /** Whether the event `id` comes after the last one received (so it is not a replay of one delivered). */
    isNew(id: string): boolean {
      return lastValue === undefined || BigInt(id) > lastValue;
    },
    /** The stream goes on after `id`. */
    advance(id: string): void {
      last = id;
      lastValue = BigInt(id);
    },
  };
}

export type ResumePoint = ReturnType<typeof createResumePoint>;
