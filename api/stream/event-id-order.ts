/**
 * Whether event `id` comes after `last` (ids are decimal strings of up to 20 digits, beyond a double's exact
 * range, hence BigInt). Everything comes after `undefined`.
 */
export function isAfter(id: string, last: string | undefined): boolean {
  return last === undefined || BigInt(id) > BigInt(last);
}
