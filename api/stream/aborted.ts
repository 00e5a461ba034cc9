/**
 * Whether `signal` has aborted. A function rather than `signal.aborted` inline: after one check, TypeScript
 * keeps the narrowed `false` across awaits, during which the signal may well abort.
 */
export function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}
