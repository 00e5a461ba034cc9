import {
  LIVE_EVENT_TYPES,
  TenantHeaderSchema,
  UserProfileSchema,
  type LiveEvent,
  type LiveEventType,
} from '../api/contract/live-events';
import type { User } from '../interfaces/user-interface';
import { createLiveReducer } from '../state/apply-event';
import { commitState } from '../state/commit-state';
import type { UserState } from '../state/user-state';
import {
  buildAccount,
  buildEnvironment,
  buildInstance,
  buildOperation,
  buildOrganization,
  buildResource,
  buildRole,
  buildService,
  buildTenant,
  buildToken,
  buildUsage,
  buildUser,
} from '../testing/factories';

const OLD = '2026-01-01T10:00:00.000Z';
const NOW = '2026-01-01T10:00:05.000Z';
const NEW = '2026-01-01T10:00:09.000Z';
const stamps = { createdAt: OLD, updatedAt: NOW };

function tree(): User {
  return commitState(
    null,
    buildUser({
      ...stamps,
      organizations: [buildOrganization({ ...stamps, tenantsIds: ['ten-1'] })],
      tokens: [buildToken(stamps)],
      tenants: [
        buildTenant({
          ...stamps,
          services: [
            buildService({
              ...stamps,
              links: [],
              roles: [buildRole({ instances: [buildInstance(stamps)] })],
            }),
            buildService({ ...stamps, id: 'svc-2', name: 'blog', links: [], roles: [] }),
          ],
          environments: [buildEnvironment({ ...stamps, services: ['svc-1', 'svc-2'] })],
          accounts: [buildAccount({ ...stamps, services: ['svc-1', 'svc-2'] })],
          resources: [buildResource(stamps)],
        }),
        buildTenant({ ...stamps, id: 'ten-2', name: 'globex', services: [], organizationsIds: [] }),
      ],
    }),
  ) as User;
}

let nextId = 1;
function event<T extends LiveEventType>(type: T, data: Extract<LiveEvent, { type: T }>['data']): LiveEvent {
  return { id: String(nextId++), type, data } as LiveEvent;
}

const tenant = (state: UserState, id = 'ten-1') => state?.tenants.find((item) => item.id === id);
const service = (state: UserState, id: string) => tenant(state)?.services.find((item) => item.id === id);
const usage = buildUsage({ cost: 99 });

/** Each pushed event type, an event of it, and what it must do to {@link tree}. */
const cases: Array<[LiveEventType, () => LiveEvent, (after: UserState, before: User) => void]> = [
  [
    'user.updated',
    () => {
      const profile = UserProfileSchema.parse(buildUser({ ...stamps, updatedAt: NEW }));
      return event('user.updated', { ...profile, name: 'Grace' });
    },
    (after, before) => {
      expect(after?.name).toBe('Grace');
      expect(after?.tenants).toBe(before.tenants);
    },
  ],
  [
    'organization.created',
    () => event('organization.created', buildOrganization({ ...stamps, id: 'org-2', name: 'Initech' })),
    (after) => expect(after?.organizations.map((item) => item.id)).toEqual(['org-1', 'org-2']),
  ],
  [
    'organization.updated',
    () => event('organization.updated', buildOrganization({ ...stamps, updatedAt: NEW, name: 'Acme Global' })),
    (after) => expect(after?.organizations[0]?.name).toBe('Acme Global'),
  ],
  [
    'organization.deleted',
    () => event('organization.deleted', { id: 'org-1' }),
    (after) => expect(after?.organizations).toEqual([]),
  ],
  [
    'tenant.created',
    () =>
      event('tenant.created', buildTenant({ ...stamps, id: 'ten-3', name: 'umbrella', organizationsIds: ['org-1'] })),
    (after) => {
      expect(tenant(after, 'ten-3')?.name).toBe('umbrella');
      expect(after?.organizations[0]?.tenantsIds).toEqual(['ten-1', 'ten-3']);
    },
  ],
  [
    'tenant.updated',
    () =>
      event(
        'tenant.updated',
        TenantHeaderSchema.parse(buildTenant({ ...stamps, updatedAt: NEW, name: 'acme-renamed', users: 7 })),
      ),
    (after, before) => {
      expect(tenant(after)).toMatchObject({ name: 'acme-renamed', users: 7 });
      expect(tenant(after)?.services).toBe(tenant(before)?.services);
    },
  ],
  [
    'tenant.deleted',
    () => event('tenant.deleted', { id: 'ten-1' }),
    (after) => {
      expect(after?.tenants.map((item) => item.id)).toEqual(['ten-2']);
      expect(after?.organizations[0]?.tenantsIds).toEqual([]);
      expect(after?.tokens).toEqual([]);
    },
  ],
  [
    'member.created',
    () => event('member.created', { tenant: 'ten-1', userId: 'usr-9', email: 'bob@acme.example', role: 'viewer' }),
    (after, before) => expect(after).toBe(before),
  ],
  [
    'member.updated',
    () => event('member.updated', { tenant: 'ten-1', userId: 'usr-1', email: 'ada@acme.example', role: 'viewer' }),
    (after) => expect(tenant(after)?.role).toBe('viewer'),
  ],
  [
    'member.deleted',
    () => event('member.deleted', { tenant: 'ten-2', userId: 'usr-1', email: 'ada@acme.example', role: 'owner' }),
    (after) => expect(after?.tenants.map((item) => item.id)).toEqual(['ten-1']),
  ],
  [
    'account.created',
    () => event('account.created', buildAccount({ ...stamps, id: 'acc-2', services: [], environments: [] })),
    (after) => expect(tenant(after)?.accounts.map((item) => item.id)).toEqual(['acc-1', 'acc-2']),
  ],
  [
    'account.updated',
    () =>
      event(
        'account.updated',
        buildAccount({ ...stamps, updatedAt: NEW, name: 'renamed', services: ['svc-1', 'svc-2'] }),
      ),
    (after) => expect(tenant(after)?.accounts[0]?.name).toBe('renamed'),
  ],
  [
    'account.deleted',
    () => event('account.deleted', { id: 'acc-1', tenant: 'ten-1' }),
    (after) => expect(tenant(after)?.accounts).toEqual([]),
  ],
  [
    'environment.created',
    () => event('environment.created', buildEnvironment({ ...stamps, id: 'env-2', services: [] })),
    (after) => {
      expect(tenant(after)?.environments.map((item) => item.id)).toEqual(['env-1', 'env-2']);
      expect(tenant(after)?.accounts[0]?.environments).toEqual(['env-1', 'env-2']);
    },
  ],
  [
    'environment.updated',
    () =>
      event(
        'environment.updated',
        buildEnvironment({ ...stamps, updatedAt: NEW, name: 'live', services: ['svc-1', 'svc-2'] }),
      ),
    (after) => expect(tenant(after)?.environments[0]?.name).toBe('live'),
  ],
  [
    'environment.deleted',
    () => event('environment.deleted', { id: 'env-1', tenant: 'ten-1' }),
    (after) => {
      expect(tenant(after)?.environments).toEqual([]);
      expect(tenant(after)?.accounts[0]?.environments).toEqual([]);
    },
  ],
  [
    'resource.created',
    () => event('resource.created', buildResource({ ...stamps, id: 'res-2', name: 'api-key' })),
    (after) => expect(tenant(after)?.resources.map((item) => item.id)).toEqual(['res-1', 'res-2']),
  ],
  [
    'resource.updated',
    () => event('resource.updated', buildResource({ ...stamps, updatedAt: NEW, name: 'db-password-2' })),
    (after) => {
      expect(tenant(after)?.resources[0]?.name).toBe('db-password-2');
      // Services hold copies of the resources they use.
      expect(service(after, 'svc-1')?.resources[0]?.name).toBe('db-password-2');
    },
  ],
  [
    'resource.deleted',
    () => event('resource.deleted', { id: 'res-1', tenant: 'ten-1' }),
    (after) => expect(tenant(after)?.resources).toEqual([]),
  ],
  [
    'service.created',
    () =>
      event('service.created', buildService({ ...stamps, id: 'svc-3', name: 'api', environment: 'env-1', links: [] })),
    (after) => {
      expect(tenant(after)?.services.map((item) => item.id)).toEqual(['svc-1', 'svc-2', 'svc-3']);
      expect(tenant(after)?.environments[0]?.services).toEqual(['svc-1', 'svc-2', 'svc-3']);
      expect(tenant(after)?.accounts[0]?.services).toEqual(['svc-1', 'svc-2', 'svc-3']);
    },
  ],
  [
    'service.updated',
    () => event('service.updated', buildService({ ...stamps, updatedAt: NEW, status: 'degraded', links: [] })),
    (after, before) => {
      expect(service(after, 'svc-1')?.status).toBe('degraded');
      expect(service(after, 'svc-2')).toBe(service(before, 'svc-2'));
    },
  ],
  [
    'service.deleted',
    () => event('service.deleted', { id: 'svc-1', tenant: 'ten-1' }),
    (after) => {
      expect(tenant(after)?.services.map((item) => item.id)).toEqual(['svc-2']);
      expect(tenant(after)?.environments[0]?.services).toEqual(['svc-2']);
      expect(tenant(after)?.accounts[0]?.services).toEqual(['svc-2']);
    },
  ],
  [
    'instance.updated',
    () =>
      event('instance.updated', {
        tenant: 'ten-1',
        service: 'svc-1',
        role: 'frontend',
        instance: buildInstance({ ...stamps, updatedAt: NEW, status: 'failed' }),
      }),
    (after) => expect(service(after, 'svc-1')?.roles[0]?.instances[0]?.status).toBe('failed'),
  ],
  [
    'token.created',
    () => event('token.created', buildToken({ ...stamps, id: 'tok-2', name: 'deploy' })),
    (after) => expect(after?.tokens.map((item) => item.id)).toEqual(['tok-1', 'tok-2']),
  ],
  [
    'token.updated',
    () => event('token.updated', buildToken({ ...stamps, updatedAt: NEW, lastUsed: NEW })),
    (after) => expect(after?.tokens[0]?.lastUsed).toBe(NEW),
  ],
  [
    'token.deleted',
    () => event('token.deleted', { id: 'tok-1', tenant: 'ten-1' }),
    (after) => expect(after?.tokens).toEqual([]),
  ],
  [
    'operation.updated',
    () => event('operation.updated', buildOperation({ status: 'running', progress: 40 })),
    (after, before) => expect(after).toBe(before),
  ],
  [
    'usage.sampled',
    () => event('usage.sampled', { target: { type: 'service', id: 'svc-2', tenant: 'ten-1' }, usage, sampledAt: NEW }),
    (after, before) => {
      expect(service(after, 'svc-2')?.usage.cost).toBe(99);
      expect(service(after, 'svc-1')).toBe(service(before, 'svc-1'));
    },
  ],
  [
    'notification.created',
    () =>
      event('notification.created', {
        notification: {
          id: 'ntf-1',
          kind: 'operation_succeeded',
          status: 'unread',
          title: 'Deployed',
          message: 'blog runs',
          ...stamps,
        },
        unread: 3,
      }),
    (after) => expect(after?.unreadNotifications).toBe(3),
  ],
  [
    'notification.updated',
    () =>
      event('notification.updated', {
        notification: { id: 'ntf-1', kind: 'operation_succeeded', status: 'read', title: 'Deployed', message: 'ok' },
        unread: 0,
      }),
    (after, before) => expect(after).toBe(before),
  ],
  ['stream.reset', () => event('stream.reset', { reason: 'too_old' }), (after, before) => expect(after).toBe(before)],
];

describe('reducing one pushed event into the state tree', () => {
  it('covers every event type of the contract', () => {
    expect(cases.map(([type]) => type).sort()).toEqual([...LIVE_EVENT_TYPES].sort());
  });

  it.each(cases)('reduces %s', (_type, build, check) => {
    const before = tree();
    const after = commitState(before, createLiveReducer().reduce(before, [build()]));
    check(after, before);
    // Branches the event does not touch keep their identity.
    if (after !== null && after !== before) {
      expect(tenant(after, 'ten-2') ?? tenant(before, 'ten-2')).toBe(tenant(before, 'ten-2'));
    }
  });

  it('keeps a later version the tree holds against an older pushed one, for every entity kind', () => {
    const before = tree();
    const older = { createdAt: OLD, updatedAt: OLD };
    const batch = [
      event('service.updated', buildService({ ...older, status: 'failed', links: [] })),
      event('instance.updated', {
        tenant: 'ten-1',
        service: 'svc-1',
        role: 'frontend',
        instance: buildInstance({ ...older, status: 'failed' }),
      }),
      event('environment.updated', buildEnvironment({ ...older, name: 'stale', services: ['svc-1', 'svc-2'] })),
      event('token.updated', buildToken({ ...older, name: 'stale' })),
      event('organization.updated', buildOrganization({ ...older, name: 'stale', tenantsIds: ['ten-1'] })),
    ];
    expect(commitState(before, createLiveReducer().reduce(before, batch))).toBe(before);
  });

  it('applies a usage sample only when it is newer than the last one applied to its target', () => {
    const reducer = createLiveReducer();
    const target = { type: 'environment' as const, id: 'env-1', tenant: 'ten-1' };
    let state: UserState = tree();
    state = reducer.reduce(state, [event('usage.sampled', { target, usage: buildUsage({ cost: 1 }), sampledAt: NOW })]);
    state = reducer.reduce(state, [event('usage.sampled', { target, usage: buildUsage({ cost: 2 }), sampledAt: OLD })]);
    expect(tenant(state)?.environments[0]?.usage.cost).toBe(1);
    state = reducer.reduce(state, [event('usage.sampled', { target, usage: buildUsage({ cost: 3 }), sampledAt: NEW })]);
    expect(tenant(state)?.environments[0]?.usage.cost).toBe(3);
  });

  it('applies a batch in order: changes to one service build on each other, and a delete after them wins', () => {
    const before = tree();
    const reducer = createLiveReducer();
    const created = buildService({ ...stamps, id: 'svc-3', name: 'api', links: [] });
    const after = commitState(
      before,
      reducer.reduce(before, [
        event('service.created', created),
        event('service.updated', { ...created, status: 'degraded', updatedAt: NEW }),
        event('usage.sampled', { target: { type: 'service', id: 'svc-3', tenant: 'ten-1' }, usage, sampledAt: NEW }),
        event('service.deleted', { id: 'svc-1', tenant: 'ten-1' }),
        event(
          'environment.updated',
          buildEnvironment({ ...stamps, updatedAt: NEW, name: 'live', services: ['svc-2'] }),
        ),
      ]),
    );
    expect(tenant(after)?.services.map((item) => [item.id, item.status, item.usage.cost])).toEqual([
      ['svc-2', 'running', 12.5],
      ['svc-3', 'degraded', 99],
    ]);
    expect(tenant(after)?.environments[0]?.name).toBe('live');
    expect(tenant(after)?.accounts[0]?.services).toEqual(['svc-2', 'svc-3']);
  });

  it('changes nothing when signed out', () => {
    const batch = cases.map(([, build]) => build());
    expect(createLiveReducer().reduce(null, batch)).toBeNull();
  });
});
