import type { RouteDefinition } from '../contract/define-route';

/**
 * The values of the body fields the route marks secret (`secretFields`), to be redacted from every text of the
 * call's errors. A field holding an object or an array gives each string inside it.
 */
export function secretValues(route: RouteDefinition, body: unknown): string[] {
  const found: string[] = [];
  const fields = route.secretFields;
  if (fields === undefined || body === undefined) return found;
  for (const field of fields) collect(valueAt(body, field), found);
  return found;
}

function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function collect(value: unknown, found: string[]): void {
  if (typeof value === 'string') found.push(value);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collect(item, found);
}
