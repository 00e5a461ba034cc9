import fc from 'fast-check';
import type { User } from '../interfaces/user-interface';
import { requests } from '../requests';
import { commitState } from '../state/commit-state';
import { mergeNewer } from '../state/merge-newer';
import { isLater } from '../state/timestamps';
import { buildEnvironment, buildService, buildTenant, buildUser } from '../testing/factories';

const at = (tick: number): string => new Date(Date.UTC(2026, 0, 1) + tick).toISOString();

const bigUser = (): User =>
  buildUser({
    tenants: [0, 1, 2].map((t) =>
      buildTenant({
        id: `ten-${String(t)}`,
        services: Array.from({ length: 8 }, (_, s) => buildService({ id: `svc-${String(t)}-${String(s)}` })),
      }),
    ),
  });

const loadUser = (state: User | null, user: User): User =>
  commitState(state, requests.loadUser.reduce?.(state, user, undefined) ?? state) as User;

describe('structural sharing of the tree', () => {
  it('keeps the identity of every branch a change does not touch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 7 }), (t, s) => {
        const before = commitState(null, bigUser()) as User;
        const next = JSON.parse(JSON.stringify(before)) as User;
        const changed = next.tenants[t]?.services[s];
        if (changed !== undefined) changed.status = 'degraded';

        const after = commitState(before, next) as User;

        expect(after.tenants[t]?.services[s]?.status).toBe('degraded');
        after.tenants.forEach((tenant, ti) => {
          if (ti !== t) expect(tenant).toBe(before.tenants[ti]);
          tenant.services.forEach((service, si) => {
            if (ti !== t || si !== s) expect(service).toBe(before.tenants[ti]?.services[si]);
          });
        });
        expect(after.tenants[t]?.accounts).toBe(before.tenants[t]?.accounts);
        expect(after.organizations).toBe(before.organizations);
      }),
    );
  });

  it('returns the current tree itself when the new one is deeply equal', () => {
    const before = commitState(null, bigUser());

    expect(commitState(before, JSON.parse(JSON.stringify(before)) as User)).toBe(before);
    expect(mergeNewer(before, JSON.parse(JSON.stringify(before)) as User)).toBe(before);
  });

  it('gives a frozen tree that no listener can mutate', () => {
    const state = commitState(null, bigUser()) as User;
    const service = state.tenants[0]?.services[0];

    expect(() => {
      (state as { name: string }).name = 'mallory';
    }).toThrow(TypeError);
    expect(() => state.tenants.push(buildTenant())).toThrow(TypeError);
    expect(() => {
      if (service !== undefined) (service.usage.current as { cpu: number }).cpu = 99;
    }).toThrow(TypeError);
    expect(Object.isFrozen(commitState(state, { ...state, name: 'Grace' })?.tenants[2]?.services[7])).toBe(true);
  });

  it('starts over from another user, keeping none of the previous tree', () => {
    const first = commitState(
      null,
      buildUser({ updatedAt: at(9), tenants: [buildTenant({ id: 'ten-1', updatedAt: at(9) })] }),
    );
    const other = buildUser({
      id: 'usr-2',
      updatedAt: at(1),
      tenants: [buildTenant({ id: 'ten-1', name: 'x', updatedAt: at(1) })],
    });

    expect(loadUser(first, other)).toEqual(other);
  });
});

describe('a full user that does not list an entity the tree holds', () => {
  const snapshot = (services: ReturnType<typeof buildService>[]) =>
    buildUser({
      updatedAt: at(5),
      tenants: [
        buildTenant({
          id: 'ten-1',
          updatedAt: at(5),
          services,
          environments: [buildEnvironment({ id: 'env-1', services: services.map((service) => service.id) })],
        }),
      ],
    });
  const old = buildService({ id: 'svc-old', environment: 'env-1', createdAt: at(1), updatedAt: at(2) });
  const fresh = buildService({ id: 'svc-new', environment: 'env-1', createdAt: at(8), updatedAt: at(8) });
  const undated = buildService({ id: 'svc-undated', environment: 'env-1' });

  it('keeps one created after every change the full user shows, still listed by its environment', () => {
    const state = loadUser(loadUser(null, snapshot([old, fresh])), snapshot([old]));

    expect(state.tenants[0]?.services.map((service) => service.id)).toEqual(['svc-old', 'svc-new']);
    expect(state.tenants[0]?.environments[0]?.services).toEqual(['svc-old', 'svc-new']);
  });

  it('removes one created before the full user was read, or with no creation time', () => {
    const state = loadUser(loadUser(null, snapshot([old, undated, fresh])), snapshot([fresh]));

    expect(state.tenants[0]?.services.map((service) => service.id)).toEqual(['svc-new']);
    expect(state.tenants[0]?.environments[0]?.services).toEqual(['svc-new']);
  });
});

describe('entity timestamps', () => {
  it.each([
    ['2026-01-01T10:00:00.002Z', '2026-01-01T10:00:00.001Z', true],
    ['2026-01-01T10:00:00.001Z', '2026-01-01T10:00:00.001Z', false],
    ['2026-01-01T11:00:00+02:00', '2026-01-01T10:00:00Z', false],
    ['2026-01-01T13:00:00+02:00', '2026-01-01T10:00:00Z', true],
    ['2026-01-01T10:00:00.0015Z', '2026-01-01T10:00:00.001Z', true],
    ['2026-01-01T10:00:00.001Z', '2026-01-01T10:00:00.0015Z', false],
    ['2026-01-01T10:00:00Z', undefined, false],
    [undefined, '2026-01-01T10:00:00Z', false],
  ])('%s is later than %s: %s', (a, b, expected) => {
    expect(isLater(a, b)).toBe(expected);
  });
});
