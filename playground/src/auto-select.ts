import type { Backend } from './backend';
import type { SelectionStore } from './selection-store';

/** Selects what the user just created (or deployed), so the next form is already prefilled with it. */
export function followCreations(backend: Backend, store: SelectionStore): void {
  const { bridge } = backend;
  bridge.on('createOrganization:success', (org) => store.select({ kind: 'organization', id: org.id }));
  bridge.on('createToken:success', (token) => store.select({ kind: 'token', id: token.id }));
  bridge.on('createTenant:success', (tenant) => store.select({ kind: 'tenant', id: tenant.id, tenantId: tenant.id }));
  bridge.on('createAccount:success', (account) =>
    store.select({ kind: 'account', id: account.id, tenantId: account.tenant }),
  );
  bridge.on('createEnvironment:success', (environment) =>
    store.select({ kind: 'environment', id: environment.id, tenantId: environment.tenant }),
  );
  bridge.on('createResource:success', (resource) =>
    store.select({ kind: 'resource', id: resource.id, tenantId: resource.tenant }),
  );
  bridge.on('operation:completed', (operation) => {
    const { tenant, id, type } = operation.target;
    if (type !== 'service') return;
    if (operation.kind === 'deleteService') store.select({ kind: 'tenant', id: tenant, tenantId: tenant });
    if (operation.kind === 'deployService' || operation.kind === 'deployMarketplaceItem') {
      store.select({ kind: 'service', id, tenantId: tenant, serviceId: id });
    }
  });
}
