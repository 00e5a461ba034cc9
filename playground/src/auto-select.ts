import type { Backend } from './backend';
import type { NodeKind, SelectionStore } from './selection-store';

/**
 * Selects what the user just created (or deployed), so the next form is already prefilled with it; when
 * the selected node is deleted, selects the tenant it was in (or nothing), so that no view moves on to
 * another node by itself. These selections are the page's (`follow`): destructive forms ignore them.
 */
export function followCreations(backend: Backend, store: SelectionStore): void {
  const { bridge } = backend;
  const follow = (kind: NodeKind, id: string, tenantId?: string, serviceId?: string) =>
    store.select({ kind, id, tenantId, serviceId }, 'follow');
  bridge.on('createOrganization:success', (org) => follow('organization', org.id));
  bridge.on('createToken:success', (token) => follow('token', token.id));
  bridge.on('createTenant:success', (tenant) => follow('tenant', tenant.id, tenant.id));
  bridge.on('createAccount:success', (account) => follow('account', account.id, account.tenant));
  bridge.on('createEnvironment:success', (environment) => follow('environment', environment.id, environment.tenant));
  bridge.on('createResource:success', (resource) => follow('resource', resource.id, resource.tenant));

  /** After `id` (a node of `kind`) is deleted: if it was selected, select its tenant, or nothing. */
  const leave = (kind: NodeKind, id: string, tenantId?: string) => {
    const selection = store.selection;
    const inside = selection !== null && (selection.id === id || (kind === 'service' && selection.serviceId === id));
    if (!inside) return;
    if (tenantId === undefined || kind === 'tenant') store.select(null, 'follow');
    else follow('tenant', tenantId, tenantId);
  };
  bridge.on('deleteTenant:success', ({ tenantId }) => leave('tenant', tenantId));
  bridge.on('deleteAccount:success', ({ tenantId, accountId }) => leave('account', accountId, tenantId));
  bridge.on('deleteEnvironment:success', ({ tenantId, environmentId }) =>
    leave('environment', environmentId, tenantId),
  );
  bridge.on('deleteResource:success', ({ tenantId, resourceId }) => leave('resource', resourceId, tenantId));
  bridge.on('deleteToken:success', ({ tokenId }) => leave('token', tokenId));
  bridge.on('deleteOrganization:success', ({ organizationId }) => leave('organization', organizationId));

  bridge.on('operation:completed', (operation) => {
    const { tenant, id, type } = operation.target;
    if (type !== 'service') return;
    if (operation.kind === 'deleteService') leave('service', id, tenant);
    if (operation.kind === 'deployService' || operation.kind === 'deployMarketplaceItem') {
      follow('service', id, tenant, id);
    }
  });
}
