import { isNotFoundAnswer, removedByNotFound } from '../handler/reconcile';
import type { User } from '../interfaces/user-interface';
import { requests } from '../requests';
import { commitState } from '../state/commit-state';
import { BackendError } from '../errors/backend-error';
import {
  buildAccount,
  buildEnvironment,
  buildInstance,
  buildResource,
  buildRole,
  buildService,
  buildTenant,
  buildToken,
  buildUser,
} from '../testing/factories';
import type { RequestName } from '../event-names';

const link = { name: 'db', origin: 'svc-1', target: 'svc-2' };

/** Two tenants; the first holds one of every kind of entity, two linked services and an instance. */
function fixture(): User {
  return commitState(
    null,
    buildUser({
      tenants: [
        buildTenant({
          id: 'ten-1',
          services: [
            buildService({
              id: 'svc-1',
              links: [link],
              resources: [],
              roles: [buildRole({ instances: [buildInstance({ id: 'inst-a' }), buildInstance({ id: 'inst-b' })] })],
            }),
            buildService({ id: 'svc-2', links: [link], resources: [], roles: [] }),
          ],
          accounts: [buildAccount({ environments: ['env-1'], services: ['svc-1', 'svc-2'] })],
          environments: [buildEnvironment({ services: ['svc-1', 'svc-2'] })],
          resources: [buildResource({ id: 'res-9' })],
        }),
        buildTenant({ id: 'ten-2', services: [], accounts: [], environments: [], resources: [], marketplaceItems: [] }),
      ],
      tokens: [buildToken({ id: 'tok-1', tenant: 'ten-1' }), buildToken({ id: 'tok-2', tenant: 'ten-2' })],
    }),
  ) as User;
}

/** Every entity id in `value`, and every link as `link:<name>@<service>`. */
function idsOf(value: unknown, owner = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => idsOf(item, owner));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' ? record.id : undefined;
  const own = id === undefined ? [] : [id];
  const links = Array.isArray(record.links)
    ? (record.links as Array<{ name: string }>).map((item) => `link:${item.name}@${id ?? ''}`)
    : [];
  const children = Object.entries(record)
    .filter(([key]) => key !== 'links')
    .flatMap(([, child]) => idsOf(child, id ?? owner));
  return [...own, ...links, ...children];
}

function removedBy(name: RequestName, input: unknown): string[] | undefined {
  const before = fixture();
  const patch = removedByNotFound(requests[name], input);
  if (patch === undefined) return undefined;
  const after = new Set(idsOf(commitState(before, patch(before))));
  return [...new Set(idsOf(before))].filter((id) => !after.has(id));
}

const tenantOne = idsOf(fixture().tenants[0]);

describe('a 404 removes the entity it is about from the tree', () => {
  it.each<[string, RequestName, unknown, string[]]>([
    [
      'a service, as the last path parameter',
      'scaleService',
      { tenantId: 'ten-1', serviceId: 'svc-1' },
      ['svc-1', 'link:db@svc-1', 'inst-a', 'inst-b'],
    ],
    [
      'an instance, and not its service',
      'restartInstance',
      { tenantId: 'ten-1', serviceId: 'svc-1', instanceId: 'inst-b' },
      ['inst-b'],
    ],
    ['an account', 'updateAccount', { tenantId: 'ten-1', accountId: 'acc-1', name: 'x' }, ['acc-1']],
    ['an environment', 'updateEnvironment', { tenantId: 'ten-1', environmentId: 'env-1', labels: [] }, ['env-1']],
    ['a resource', 'updateResource', { tenantId: 'ten-1', resourceId: 'res-9', value: 'x' }, ['res-9']],
    [
      'a marketplace item',
      'deployMarketplaceItem',
      { tenantId: 'ten-1', itemId: 'mkt-1' },
      ['mkt-1', 'inst-1', 'res-1'],
    ],
    [
      'a link, from both services it joined',
      'unlinkServices',
      { tenantId: 'ten-1', linkName: 'db' },
      ['link:db@svc-1', 'link:db@svc-2'],
    ],
    ['an organization', 'updateOrganization', { organizationId: 'org-1', name: 'x' }, ['org-1', 'inv-1']],
    ['an API token', 'deleteToken', { tokenId: 'tok-2' }, ['tok-2']],
    ['a tenant, with its API tokens', 'updateTenant', { tenantId: 'ten-1', name: 'x' }, [...tenantOne, 'tok-1']],
    ['the parent tenant of a create route', 'deployService', { tenantId: 'ten-1', spec: {} }, [...tenantOne, 'tok-1']],
    ['the parent tenant of a list route', 'listServices', { tenantId: 'ten-1' }, [...tenantOne, 'tok-1']],
  ])('removes %s (%s)', (_what, name, input, removed) => {
    expect(removedBy(name, input)?.sort()).toEqual([...new Set(removed)].sort());
  });

  it.each<[string, RequestName, unknown]>([
    ['an invoice, which the tree does not hold', 'downloadInvoice', { organizationId: 'org-1', invoiceId: 'inv-1' }],
    ['a tenant member', 'removeTenantUser', { tenantId: 'ten-1', userId: 'usr-9' }],
    ['the signed-in user', 'loadUser', undefined],
    ['a route without a path parameter', 'createToken', { name: 'ci', tenant: 'ten-1' }],
    ['an input without the path parameter', 'scaleService', { tenantId: 'ten-1' }],
  ])('removes nothing for %s (%s)', (_what, name, input) => {
    expect(removedBy(name, input)).toBeUndefined();
  });

  it('keeps the identity of every branch the removal does not touch', () => {
    const before = fixture();
    const patch = removedByNotFound(requests.updateAccount, {
      tenantId: 'ten-1',
      accountId: 'acc-1',
    });
    const after = commitState(before, patch?.(before) ?? before) as User;

    expect(after.tenants[0]?.accounts).toEqual([]);
    expect(after.tenants[0]?.services).toBe(before.tenants[0]?.services);
    expect(after.tenants[1]).toBe(before.tenants[1]);
    expect(after.organizations).toBe(before.organizations);
  });

  it('takes only the API answer 404 as a NOT_FOUND that removes', () => {
    expect(isNotFoundAnswer(new BackendError({ code: 'NOT_FOUND', message: 'gone', status: 404 }))).toBe(true);
    expect(isNotFoundAnswer(new BackendError({ code: 'NOT_FOUND', message: 'no status' }))).toBe(false);
    expect(isNotFoundAnswer(new BackendError({ code: 'SERVER', message: 'down', status: 500 }))).toBe(false);
    expect(isNotFoundAnswer(new Error('not found'))).toBe(false);
  });
});
