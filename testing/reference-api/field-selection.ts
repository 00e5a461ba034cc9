import type { ListQuery } from '../../api/contract/list-query';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function groupByHead(paths: readonly string[][]): Map<string, string[][]> {
  const groups = new Map<string, string[][]>();
  for (const [head, ...rest] of paths) {
    if (head === undefined) continue;
    groups.set(head, [...(groups.get(head) ?? []), rest]);
  }
  return groups;
}

function pick(value: unknown, paths: readonly string[][]): unknown {
  if (paths.some((path) => path.length === 0)) return value;
  if (Array.isArray(value)) {
    const picked = value.map((element) => pick(element, paths)).filter((element) => element !== undefined);
    return picked.length === 0 && value.length > 0 ? undefined : picked;
  }
  if (!isRecord(value)) return undefined;
  const entries: Array<[string, unknown]> = [];
  for (const [key, rests] of groupByHead(paths)) {
    if (!Object.hasOwn(value, key)) continue;
    const picked = pick(value[key], rests);
    if (picked !== undefined) entries.push([key, picked]);
  }
  return Object.fromEntries(entries);
}

function omit(value: unknown, paths: readonly string[][]): unknown {
  if (Array.isArray(value)) return value.map((element) => omit(element, paths));
  if (!isRecord(value)) return value;
  const groups = groupByHead(paths);
  const entries: Array<[string, unknown]> = [];
  for (const [key, field] of Object.entries(value)) {
    const rests = groups.get(key);
    if (rests === undefined) entries.push([key, field]);
    else if (!rests.some((rest) => rest.length === 0)) entries.push([key, omit(field, rests)]);
  }
  return Object.fromEntries(entries);
}

/** Keeps only the `include`d dotted paths of `item`, or drops the `exclude`d ones. */
export function selectFields(item: unknown, fields: NonNullable<ListQuery['fields']>): unknown {
  if ('include' in fields)
    return (
      pick(
        item,
        fields.include.map((path) => path.split('.')),
      ) ?? {}
    );
  return omit(
    item,
    fields.exclude.map((path) => path.split('.')),
  );
}
