import fc from 'fast-check';
import { TenantHeaderSchema, type LiveEvent } from '../api/contract/live-events';
import type { Service, ServiceStatus } from '../interfaces/service-interface';
import type { Tenant } from '../interfaces/tenant-interface';
import type { User } from '../interfaces/user-interface';
import { requests } from '../requests';
import { createLiveReducer } from '../state/apply-event';
import { commitState } from '../state/commit-state';
import { putService } from '../state/service-tree';
import type { UserState } from '../state/user-state';
import { buildService, buildTenant, buildUser } from '../testing/factories';

const at = (tick: number): string => new Date(Date.UTC(2026, 0, 1) + tick).toISOString();

type Change = { kind: 'tenant'; name: string } | { kind: 'service'; index: number; status: ServiceStatus };

/** One version of an entity as the server held it, and how it reached the client. */
type Delivery =
  | { via: 'answer'; entity: 'tenant'; tenant: Tenant }
  | { via: 'answer'; entity: 'service'; service: Service }
  | { via: 'answer'; entity: 'user'; user: User }
  | { via: 'push'; event: LiveEvent };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('tenant' as const), name: fc.constantFrom('acme', 'globex', 'initech') }),
  fc.record({
    kind: fc.constant('service' as const),
    index: fc.integer({ min: 0, max: 2 }),
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
        services: [0, 1, 2].map((index) =>
          buildService({ id: `svc-${index}`, links: [], status: 'running', createdAt: at(0), updatedAt: at(0) }),
        ),
        accounts: [],
        environments: [],
        resources: [],
        marketplaceItems: [],
      }),
    ],
  });

let eventId = 0;
const header = (tenant: Tenant) => TenantHeaderSchema.parse(tenant);

/**
 * Plays `changes` on a model of the server, one clock tick each. Every version reaches the client as the
 * answer of a request, as a pushed event, or both (`how`: 0 answer, 1 push, 2 both); `snapshots` adds a full
 * user after a change.
 */
function history(changes: readonly Change[], how: readonly number[], snapshots: readonly boolean[]): Delivery[] {
  let user = initialUser();
  const deliveries: Delivery[] = [];
  changes.forEach((item, position) => {
    const now = at(position + 1);
    const tenant = user.tenants[0] as Tenant;
    const mode = how[position] ?? 0;
    if (item.kind === 'tenant') {
      const changed = { ...tenant, name: item.name, updatedAt: now };
      user = { ...user, tenants: [changed] };
      if (mode !== 1) deliveries.push({ via: 'answer', entity: 'tenant', tenant: changed });
      const data = header(changed);
      if (mode !== 0) deliveries.push({ via: 'push', event: { id: String(++eventId), type: 'tenant.updated', data } });
    } else {
      const id = `svc-${item.index}`;
      const existing = tenant.services.find((candidate) => candidate.id === id) as Service;
      const changed: Service = { ...existing, status: item.status, updatedAt: now };
      const services = tenant.services.map((candidate) => (candidate.id === id ? changed : candidate));
      user = { ...user, tenants: [{ ...tenant, services }] };
      if (mode !== 1) deliveries.push({ via: 'answer', entity: 'service', service: changed });
      if (mode !== 0) {
        deliveries.push({ via: 'push', event: { id: String(++eventId), type: 'service.updated', data: changed } });
      }
    }
    if (snapshots[position] === true) deliveries.push({ via: 'answer', entity: 'user', user });
  });
  return deliveries;
}

function answer(state: UserState, delivery: Delivery): UserState {
  if (delivery.via === 'push') return state;
  if (delivery.entity === 'user') return requests.loadUser.reduce?.(state, delivery.user, undefined) ?? state;
  if (delivery.entity === 'tenant') {
    const { tenant } = delivery;
    return requests.updateTenant.reduce?.(state, tenant, { tenantId: tenant.id, name: tenant.name }) ?? state;
  }
  return putService(state, delivery.service);
}

/** What the tree says of each entity, with its version. */
function versions(user: User): Record<string, string> {
  const tenant = user.tenants[0] as Tenant;
  const found: Record<string, string> = { [tenant.id]: `${tenant.name}@${tenant.updatedAt ?? ''}` };
  for (const service of tenant.services) found[service.id] = `${service.status}@${service.updatedAt ?? ''}`;
  return found;
}

describe('pushed events and request answers together', () => {
  it('end at the newest version of each entity, whatever order and batches they arrive in', () => {
    fc.assert(
      fc.property(
        fc
          .array(change, { minLength: 1, maxLength: 12 })
          .chain((changes) =>
            fc.tuple(
              fc.constant(changes),
              fc.array(fc.integer({ min: 0, max: 2 }), { minLength: changes.length, maxLength: changes.length }),
              fc.array(fc.boolean(), { minLength: changes.length, maxLength: changes.length }),
            ),
          ),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.infiniteStream(fc.boolean()),
        ([changes, how, snapshots], order, batchBreaks) => {
          const deliveries = history(changes, how, snapshots);
          const keys = deliveries.map(() => order.next().value as number);
          const arrival = deliveries.map((_, index) => index).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));

          const reducer = createLiveReducer();
          let state: UserState = commitState(null, initialUser());
          let batch: LiveEvent[] = [];
          const flushBatch = () => {
            if (batch.length > 0) state = commitState(state, reducer.reduce(state, batch));
            batch = [];
          };
          for (const index of arrival) {
            const delivery = deliveries[index] as Delivery;
            if (delivery.via === 'push') {
              batch.push(delivery.event);
              if (batchBreaks.next().value as boolean) flushBatch();
            } else {
              flushBatch();
              state = commitState(state, answer(state, delivery));
            }
          }
          flushBatch();

          // Every delivery in the server's order: the newest version of each entity.
          let newest = initialUser();
          for (const delivery of deliveries) {
            if (delivery.via === 'answer') newest = commitState(newest, answer(newest, delivery)) as User;
            else newest = commitState(newest, createLiveReducer().reduce(newest, [delivery.event])) as User;
          }
          expect(versions(state as User)).toEqual(versions(newest));
        },
      ),
      { numRuns: 300 },
    );
  });
});
