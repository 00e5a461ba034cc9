import fc from 'fast-check';
import type { Service, ServiceStatus } from '../interfaces/service-interface';
import type { Tenant } from '../interfaces/tenant-interface';
import type { User } from '../interfaces/user-interface';
import { requests } from '../requests';
import { commitState } from '../state/commit-state';
import { putService } from '../state/service-tree';
import type { UserState } from '../state/user-state';
import { buildService, buildTenant, buildUser } from '../testing/factories';

const at = (tick: number): string => new Date(Date.UTC(2026, 0, 1) + tick).toISOString();

type Change =
  | { kind: 'user'; name: string }
  | { kind: 'tenant'; name: string }
  | { kind: 'service'; index: number; status: ServiceStatus };

/** A response the client may receive: a full user, a tenant, or one service, as the server held it then. */
type Response =
  { kind: 'user'; user: User } | { kind: 'tenant'; tenant: Tenant } | { kind: 'service'; service: Service };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('user' as const), name: fc.constantFrom('Ada', 'Grace', 'Edsger') }),
  fc.record({ kind: fc.constant('tenant' as const), name: fc.constantFrom('acme', 'globex', 'initech') }),
  fc.record({
    kind: fc.constant('service' as const),
    index: fc.integer({ min: 0, max: 3 }),
    status: fc.constantFrom<ServiceStatus>('running', 'deploying', 'degraded', 'stopped'),
  }),
);

const initialUser = (): User =>
  buildUser({
    updatedAt: at(0),
    tenants: [
      buildTenant({
        id: 'ten-1',
        updatedAt: at(0),
        services: [],
        accounts: [],
        environments: [],
        resources: [],
        marketplaceItems: [],
      }),
    ],
  });

/** Plays `changes` on a model of the server, one clock tick each; every change answers with a response. */
function serverHistory(changes: readonly Change[], snapshots: readonly boolean[]): Response[] {
  let user = initialUser();
  const responses: Response[] = [];
  changes.forEach((item, position) => {
    const now = at(position + 1);
    const tenant = user.tenants[0] as Tenant;
    if (item.kind === 'user') {
      user = { ...user, name: item.name, updatedAt: now };
      responses.push({ kind: 'user', user });
    } else if (item.kind === 'tenant') {
      user = { ...user, tenants: [{ ...tenant, name: item.name, updatedAt: now }] };
      responses.push({ kind: 'tenant', tenant: user.tenants[0] as Tenant });
    } else {
      const id = `svc-${String(item.index)}`;
      const existing = tenant.services.find((service) => service.id === id);
      const service: Service = existing
        ? { ...existing, status: item.status, updatedAt: now }
        : buildService({ id, tenant: 'ten-1', links: [], status: item.status, createdAt: now, updatedAt: now });
      const services = existing
        ? tenant.services.map((candidate) => (candidate.id === id ? service : candidate))
        : [...tenant.services, service];
      user = { ...user, tenants: [{ ...tenant, services }] };
      responses.push({ kind: 'service', service });
    }
    if (snapshots[position] === true) responses.push({ kind: 'user', user });
  });
  return responses;
}

function reduce(state: UserState, response: Response): UserState {
  if (response.kind === 'user') return requests.loadUser.reduce?.(state, response.user, undefined) ?? state;
  if (response.kind === 'tenant') {
    const { tenant } = response;
    return requests.updateTenant.reduce?.(state, tenant, { tenantId: tenant.id, name: tenant.name }) ?? state;
  }
  return putService(state, response.service);
}

interface Version {
  updatedAt: string | undefined;
  label: string;
}

/** Every entity (user, tenant, service) a value holds, by id, with its version and what it says. */
function versions(user: User): Map<string, Version> {
  const found = new Map<string, Version>([[user.id, { updatedAt: user.updatedAt, label: user.name }]]);
  for (const tenant of user.tenants) {
    found.set(tenant.id, { updatedAt: tenant.updatedAt, label: tenant.name });
    for (const service of tenant.services)
      found.set(service.id, { updatedAt: service.updatedAt, label: service.status });
  }
  return found;
}

function entitiesOf(response: Response): Map<string, Version> {
  if (response.kind === 'user') return versions(response.user);
  if (response.kind === 'tenant') return versions(buildUser({ id: 'unused', tenants: [response.tenant] }));
  return new Map([[response.service.id, { updatedAt: response.service.updatedAt, label: response.service.status }]]);
}

describe('a tree that never rolls back', () => {
  it('holds for each entity the latest version it received, whatever order the responses arrive in', () => {
    fc.assert(
      fc.property(
        fc
          .array(change, { minLength: 1, maxLength: 14 })
          .chain((changes) =>
            fc.tuple(
              fc.constant(changes),
              fc.array(fc.boolean(), { minLength: changes.length, maxLength: changes.length }),
            ),
          ),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        ([changes, snapshots], order) => {
          const responses = serverHistory(changes, snapshots);
          const keys = responses.map(() => order.next().value as number);
          const arrival = responses.map((_, index) => index).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));

          let state: UserState = commitState(null, initialUser());
          const latest = versions(initialUser());
          latest.delete('unused');
          for (const index of arrival) {
            const response = responses[index] as Response;
            state = commitState(state, reduce(state, response));
            for (const [id, version] of entitiesOf(response)) {
              const known = latest.get(id);
              if (id !== 'unused' && (known === undefined || (known.updatedAt ?? '') < (version.updatedAt ?? ''))) {
                latest.set(id, version);
              }
            }
            expect(versions(state as User)).toEqual(latest);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the later name when two updateUser answers arrive in the other order', () => {
    const first = buildUser({ name: 'Grace', updatedAt: at(1) });
    const second = buildUser({ name: 'Ada', updatedAt: at(2) });
    const reduceUser = (state: UserState, user: User) =>
      commitState(state, requests.updateUser.reduce?.(state, user, { name: user.name }) ?? state);

    const state = reduceUser(reduceUser(null, second), first);

    expect(state?.name).toBe('Ada');
  });

  it('keeps the service scaled last when the answers of two scalings arrive in the other order', () => {
    const scaled = (maxReplicas: number, tick: number) =>
      buildService({ id: 'svc-1', maxReplicas, updatedAt: at(tick) });
    let state = commitState(null, buildUser({ tenants: [buildTenant({ id: 'ten-1' })] }));

    state = commitState(state, putService(state, scaled(5, 2)));
    state = commitState(state, putService(state, scaled(3, 1)));

    expect(state?.tenants[0]?.services.find((service) => service.id === 'svc-1')?.maxReplicas).toBe(5);
  });
});
