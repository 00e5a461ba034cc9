import { routes, type RouteId } from '../api/contract';
import type { ReferenceStore } from '../testing';
import { createReferenceApi } from '../testing';
import { prepare } from './support/openapi-cases';
import { send } from './support/openapi-document';

// `updatedAt` is the version of an entity: every change sets it, and it never goes backwards, so a client can
// tell an older answer from a newer one.

/** Every entity with an updatedAt, by `table:id`. */
function versions(store: ReferenceStore): Map<string, string> {
  const result = new Map<string, string>();
  const tables = {
    users: store.users,
    tokens: store.tokens,
    organizations: store.organizations,
    tenants: store.tenants,
    accounts: store.accounts,
    environments: store.environments,
    services: store.services,
    resources: store.resources,
    marketplaceItems: store.marketplaceItems,
  };
  for (const [name, table] of Object.entries(tables)) {
    for (const record of table.values()) result.set(`${name}:${record.id}`, record.updatedAt);
  }
  // Notifications are the API's own records: it always dates them.
  for (const record of store.notifications.values()) result.set(`notifications:${record.id}`, record.updatedAt ?? '');
  for (const service of store.services.values()) {
    for (const instance of service.instances) result.set(`instances:${instance.id}`, instance.updatedAt);
  }
  return result;
}

/** What each mutating route changes (its table), or why it changes no entity. */
const CHANGES: Readonly<Record<string, string>> = {
  login: 'no entity: a new session',
  refreshSession: 'no entity: a new session',
  logout: 'no entity: the session ends',
  updateUser: 'users',
  changePassword: 'users',
  changePlan: 'users',
  deleteUser: 'tenants',
  createToken: 'tokens',
  deleteToken: 'no entity: the token is gone (a 404 removes it)',
  createOrganization: 'organizations',
  updateOrganization: 'organizations',
  deleteOrganization: 'no entity: the organization is gone',
  updateBillingInformation: 'organizations',
  addOrganizationMember: 'organizations',
  removeOrganizationMember: 'organizations',
  createTenant: 'tenants',
  updateTenant: 'tenants',
  deleteTenant: 'no entity: the tenant is gone',
  inviteTenantUser: 'tenants',
  removeTenantUser: 'tenants',
  changeTenantUserRole: 'tenants',
  createAccount: 'accounts',
  updateAccount: 'accounts',
  deleteAccount: 'no entity: the account is gone',
  validateAccountCredentials: 'accounts',
  createEnvironment: 'environments',
  updateEnvironment: 'environments',
  deleteEnvironment: 'no entity: the environment is gone (the account lists child ids, which carry their own versions)',
  createResource: 'resources',
  updateResource: 'resources',
  deleteResource: 'no entity: the resource is gone',
  deployService: 'services',
  updateService: 'services',
  scaleService: 'services',
  restartService: 'services',
  restartInstance: 'instances',
  rollbackService: 'services',
  deleteService: 'no entity: the service is gone',
  linkServices: 'services',
  unlinkServices: 'services',
  deployMarketplaceItem: 'services',
  markNotificationRead: 'notifications',
  markAllNotificationsRead: 'notifications',
  archiveNotification: 'notifications',
};

const mutating = (Object.keys(routes) as RouteId[]).filter((id) => routes[id].method !== 'GET');

describe('reference API entity versions', () => {
  it('timestamp() is strictly increasing, even when the clock stands still or goes back', () => {
    jest.useFakeTimers({ now: new Date('2026-06-01T10:00:00.000Z') });
    try {
      const { store } = createReferenceApi();
      const stamps = [store.timestamp(), store.timestamp(), store.timestamp()];
      jest.setSystemTime(new Date('2026-06-01T09:00:00.000Z'));
      stamps.push(store.timestamp());
      expect(stamps).toEqual([
        '2026-06-01T10:00:00.000Z',
        '2026-06-01T10:00:00.001Z',
        '2026-06-01T10:00:00.002Z',
        '2026-06-01T10:00:00.003Z',
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('classifies every route that is not a GET', () => {
    expect([...mutating].sort()).toEqual(Object.keys(CHANGES).sort());
  });

  it.each(mutating)('%s sets a strictly newer updatedAt on what it changes, and on nothing older', async (id) => {
    const { api, token, call } = await prepare(id);
    const before = versions(api.store);
    const newest = [...before.values()].sort().at(-1) ?? '';

    const answer = await send(api, id, { ...call, token });

    expect(answer.status).toBeLessThan(300);
    const after = versions(api.store);
    const changed = [...after].filter(([key, value]) => before.get(key) !== value);
    for (const [key, value] of changed) expect({ key, newer: value > newest }).toEqual({ key, newer: true });
    const expected = CHANGES[id] ?? '';
    if (!expected.startsWith('no entity')) {
      expect(changed.map(([key]) => key.split(':')[0])).toContain(expected);
    }
  });
});
