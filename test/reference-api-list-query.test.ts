import type { Filter, FilterGroup, ListQuery } from '../api/contract/list-query';
import { applyListQuery, likePattern, listQueryProblems, valueAt } from '../testing/reference-api/list-query-engine';
import { selectFields } from '../testing/reference-api/field-selection';

interface Item {
  id: string;
  name: string;
  status: string;
  cpu: number;
  public: boolean;
  createdAt: string;
  labels: string[];
  roles: Array<{ name: string; cpu: number }>;
  note?: string | null;
}

function makeItems(): Item[] {
  return [
    {
      id: 's1',
      name: 'shop',
      status: 'running',
      cpu: 2,
      public: true,
      createdAt: '2026-01-10T09:00:00Z',
      labels: ['prod', 'eu'],
      roles: [
        { name: 'frontend', cpu: 0.5 },
        { name: 'api', cpu: 1 },
      ],
      note: 'main',
    },
    {
      id: 's2',
      name: 'Payments',
      status: 'degraded',
      cpu: 0.5,
      public: false,
      createdAt: '2026-01-11T09:00:00.000+00:00',
      labels: ['prod'],
      roles: [{ name: 'worker', cpu: 0.5 }],
      note: null,
    },
    {
      id: 's3',
      name: 'analytics',
      status: 'running',
      cpu: 0.75,
      public: false,
      createdAt: '2026-02-01T00:00:00Z',
      labels: [],
      roles: [{ name: 'ingest', cpu: 0.5 }],
    },
    {
      id: 's4',
      name: 'shop_v2',
      status: 'failed',
      cpu: 4,
      public: true,
      createdAt: '2025-12-24T18:30:00Z',
      labels: ['staging'],
      roles: [],
      note: '',
    },
  ];
}

const filtered = (filter: FilterGroup): string[] =>
  applyListQuery(makeItems(), { filter }).items.map((item) => item.id);
const where = (field: string, operator: Filter['operator'], value?: Filter['value']): string[] =>
  filtered({ operator: 'and', filters: [{ field, operator, ...(value === undefined ? {} : { value }) }] });

describe('applyListQuery filters', () => {
  it('eq matches strings, numbers and booleans exactly', () => {
    expect(where('status', 'eq', 'running')).toEqual(['s1', 's3']);
    expect(where('cpu', 'eq', 0.5)).toEqual(['s2']);
    expect(where('public', 'eq', true)).toEqual(['s1', 's4']);
  });

  it('eq compares ISO dates by instant whatever their notation', () => {
    expect(where('createdAt', 'eq', '2026-01-11T09:00:00Z')).toEqual(['s2']);
  });

  it('eq null matches null and missing values', () => {
    expect(where('note', 'eq', null)).toEqual(['s2', 's3']);
  });

  it('neq keeps everything that is not equal, including items without the field', () => {
    expect(where('status', 'neq', 'running')).toEqual(['s2', 's4']);
    expect(where('note', 'neq', 'main')).toEqual(['s2', 's3', 's4']);
  });

  it('lt, lte, gt and gte order numbers', () => {
    expect(where('cpu', 'lt', 0.75)).toEqual(['s2']);
    expect(where('cpu', 'lte', 0.75)).toEqual(['s2', 's3']);
    expect(where('cpu', 'gt', 2)).toEqual(['s4']);
    expect(where('cpu', 'gte', 2)).toEqual(['s1', 's4']);
  });

  it('lt and gt order ISO dates chronologically', () => {
    expect(where('createdAt', 'lt', '2026-01-01')).toEqual(['s4']);
    expect(where('createdAt', 'gte', '2026-01-11T09:00:00.000Z')).toEqual(['s2', 's3']);
  });

  it('lt and gt order other strings alphabetically, case-insensitively', () => {
    expect(where('name', 'lt', 'b')).toEqual(['s3']);
    expect(where('name', 'gt', 'p')).toEqual(['s1', 's2', 's4']);
  });

  it('comparisons never match values of another type', () => {
    expect(where('name', 'gt', 1)).toEqual([]);
    expect(where('cpu', 'lt', 'z')).toEqual([]);
  });

  it('in matches any value of the list', () => {
    expect(where('status', 'in', ['failed', 'degraded'])).toEqual(['s2', 's4']);
    expect(where('cpu', 'in', [4, 2])).toEqual(['s1', 's4']);
  });

  it('ilike matches % and _ wildcards case-insensitively over the whole value', () => {
    expect(where('name', 'ilike', 'SHOP%')).toEqual(['s1', 's4']);
    expect(where('name', 'ilike', '%ment%')).toEqual(['s2']);
    expect(where('name', 'ilike', 'sho_')).toEqual(['s1']);
    expect(where('name', 'ilike', 'hop')).toEqual([]);
  });

  it('ilike treats an escaped wildcard and regex characters literally', () => {
    expect(where('name', 'ilike', 'shop\\_v2')).toEqual(['s4']);
    expect(where('name', 'ilike', 'shop\\_%')).toEqual(['s4']);
    expect(likePattern('a.b(c)').test('a.b(c)')).toBe(true);
    expect(likePattern('a.b').test('axb')).toBe(false);
  });

  it('isEmpty matches undefined, null, empty strings and empty lists; isEmpty false the opposite', () => {
    expect(where('note', 'isEmpty')).toEqual(['s2', 's3', 's4']);
    expect(where('labels', 'isEmpty', true)).toEqual(['s3']);
    expect(where('labels', 'isEmpty', false)).toEqual(['s1', 's2', 's4']);
  });

  it('a list field matches when any of its elements matches', () => {
    expect(where('labels', 'eq', 'prod')).toEqual(['s1', 's2']);
    expect(where('labels', 'neq', 'prod')).toEqual(['s3', 's4']);
    expect(where('labels', 'in', ['staging', 'eu'])).toEqual(['s1', 's4']);
  });

  it('a dotted path through a list collects the values of every element', () => {
    expect(where('roles.name', 'eq', 'worker')).toEqual(['s2']);
    expect(where('roles.cpu', 'gte', 1)).toEqual(['s1']);
    expect(valueAt(makeItems()[0], 'roles.name')).toEqual(['frontend', 'api']);
  });

  it('an unknown field is missing, never an inherited property', () => {
    expect(where('nothing.here', 'isEmpty')).toEqual(['s1', 's2', 's3', 's4']);
    expect(where('constructor', 'isEmpty')).toEqual(['s1', 's2', 's3', 's4']);
    expect(valueAt({ a: 1 }, 'toString')).toBeUndefined();
  });

  it('and requires every condition and or any of them', () => {
    const running = { field: 'status', operator: 'eq', value: 'running' } as const;
    const big = { field: 'cpu', operator: 'gte', value: 2 } as const;
    expect(filtered({ operator: 'and', filters: [running, big] })).toEqual(['s1']);
    expect(filtered({ operator: 'or', filters: [running, big] })).toEqual(['s1', 's3', 's4']);
  });

  it('groups nest: (running and public) or (failed and not public)', () => {
    expect(
      filtered({
        operator: 'or',
        filters: [
          {
            operator: 'and',
            filters: [
              { field: 'status', operator: 'eq', value: 'running' },
              { field: 'public', operator: 'eq', value: true },
            ],
          },
          {
            operator: 'and',
            filters: [
              { field: 'status', operator: 'eq', value: 'failed' },
              { field: 'public', operator: 'eq', value: false },
            ],
          },
        ],
      }),
    ).toEqual(['s1']);
  });

  it('an empty group lets every item through', () => {
    expect(filtered({ operator: 'or', filters: [] })).toEqual(['s1', 's2', 's3', 's4']);
  });
});

describe('applyListQuery sorting and paging', () => {
  const ids = (query: ListQuery) => applyListQuery(makeItems(), query).items.map((item) => item.id);

  it('sorts ascending and descending, strings case-insensitively', () => {
    expect(ids({ sort: [{ field: 'name', direction: 'asc' }] })).toEqual(['s3', 's2', 's1', 's4']);
    expect(ids({ sort: [{ field: 'cpu', direction: 'desc' }] })).toEqual(['s4', 's1', 's3', 's2']);
  });

  it('sorts ISO dates chronologically', () => {
    expect(ids({ sort: [{ field: 'createdAt', direction: 'asc' }] })).toEqual(['s4', 's1', 's2', 's3']);
  });

  it('breaks ties with the next sort field and otherwise keeps the original order', () => {
    expect(
      ids({
        sort: [
          { field: 'public', direction: 'desc' },
          { field: 'cpu', direction: 'asc' },
        ],
      }),
    ).toEqual(['s1', 's4', 's2', 's3']);
    expect(ids({ sort: [{ field: 'public', direction: 'asc' }] })).toEqual(['s2', 's3', 's1', 's4']);
  });

  it('puts items without the sort field last in both directions', () => {
    expect(ids({ sort: [{ field: 'note', direction: 'asc' }] })).toEqual(['s1', 's2', 's3', 's4']);
    expect(ids({ sort: [{ field: 'note', direction: 'desc' }] })).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('pages with offset and limit and counts the matches before paging', () => {
    const page = applyListQuery(makeItems(), { sort: [{ field: 'id', direction: 'asc' }], offset: 1, limit: 2 });
    expect(page.items.map((item) => item.id)).toEqual(['s2', 's3']);
    expect(page.totalCount).toBe(4);
  });

  it('counts only the items that pass the filter', () => {
    const page = applyListQuery(makeItems(), {
      filter: { operator: 'and', filters: [{ field: 'public', operator: 'eq', value: false }] },
      limit: 1,
    });
    expect(page).toEqual({ items: [expect.objectContaining({ id: 's2' })], totalCount: 2 });
  });

  it('returns 100 items by default and nothing past the end', () => {
    const many = Array.from({ length: 150 }, (_, index) => ({ index }));
    expect(applyListQuery(many, {}).items).toHaveLength(100);
    expect(applyListQuery(many, { offset: 200 })).toEqual({ items: [], totalCount: 150 });
  });

  it('does not change the list it is given', () => {
    const items = makeItems();
    applyListQuery(items, { sort: [{ field: 'name', direction: 'desc' }] });
    expect(items.map((item) => item.id)).toEqual(['s1', 's2', 's3', 's4']);
  });
});

describe('applyListQuery field selection', () => {
  it('include keeps only the listed fields, with dotted paths into objects and lists', () => {
    const [first] = applyListQuery(makeItems(), { fields: { include: ['id', 'roles.name'] }, limit: 1 }).items;
    expect(first).toEqual({ id: 's1', roles: [{ name: 'frontend' }, { name: 'api' }] });
  });

  it('exclude drops the listed fields and keeps the rest', () => {
    const [first] = applyListQuery(makeItems(), {
      fields: { exclude: ['roles.cpu', 'labels', 'createdAt'] },
      limit: 1,
    }).items;
    expect(first).toEqual({
      id: 's1',
      name: 'shop',
      status: 'running',
      cpu: 2,
      public: true,
      roles: [{ name: 'frontend' }, { name: 'api' }],
      note: 'main',
    });
  });

  it('include of an unknown field yields an empty object', () => {
    expect(selectFields({ a: 1 }, { include: ['b'] })).toEqual({});
  });

  it('a selected nested object is copied whole', () => {
    expect(selectFields({ usage: { current: { cpu: 1 } }, id: 'x' }, { include: ['usage'] })).toEqual({
      usage: { current: { cpu: 1 } },
    });
  });
});

describe('listQueryProblems', () => {
  it('accepts values that suit their operators', () => {
    expect(
      listQueryProblems({
        filter: {
          operator: 'and',
          filters: [
            { field: 'a', operator: 'eq', value: null },
            { field: 'a', operator: 'in', value: [1, 2] },
            { field: 'a', operator: 'ilike', value: 'x%' },
            { field: 'a', operator: 'isEmpty' },
            { field: 'a', operator: 'gt', value: '2026-01-01' },
          ],
        },
      }),
    ).toEqual([]);
  });

  it('names every value that does not suit its operator, nested groups included', () => {
    expect(
      listQueryProblems({
        filter: {
          operator: 'and',
          filters: [
            { field: 'a', operator: 'in', value: 'x' },
            {
              operator: 'or',
              filters: [
                { field: 'b', operator: 'lt', value: true },
                { field: 'c', operator: 'eq' },
              ],
            },
            { field: 'd', operator: 'ilike', value: 3 },
            { field: 'e', operator: 'isEmpty', value: 'yes' },
          ],
        },
      }),
    ).toEqual([
      { path: 'filter.filters.0.value', message: 'in needs a list of values' },
      { path: 'filter.filters.1.filters.0.value', message: 'lt needs a number, a text or an ISO date' },
      { path: 'filter.filters.1.filters.1.value', message: 'eq needs one value' },
      { path: 'filter.filters.2.value', message: 'ilike needs a text pattern' },
      { path: 'filter.filters.3.value', message: 'isEmpty takes no value, or true/false' },
    ]);
  });
});
