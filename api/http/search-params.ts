/** Flattens a validated query object into URL search parameters: arrays repeat their key, objects become JSON. */
export function toSearchParams(query: unknown): URLSearchParams {
  const params = new URLSearchParams();
  if (typeof query !== 'object' || query === null) return params;
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      params.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return params;
}
