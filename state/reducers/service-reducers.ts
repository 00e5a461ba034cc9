import type { Operation } from '../../interfaces/operation-interface';
import { updateTenant, upsertById } from '../tree';
import type { Reducers, UserState } from '../user-state';

// While a long-running operation runs, its service shows it; the follower reloads it when it ends.
function markService(state: UserState, operation: Operation): UserState {
  const { tenant: tenantId, id, type } = operation.target;
  if (type !== 'service') return state;
  const status = operation.kind === 'deleteService' ? 'deleting' : 'deploying';
  return updateTenant(state, tenantId, (tenant) => ({
    ...tenant,
    services: tenant.services.map((service) => (service.id === id ? { ...service, status } : service)),
  }));
}

/** Services and marketplace items. Lists may be filtered or paged, so they only upsert. */
export const serviceReducers = {
  listServices: (state, page, { tenantId }) =>
    updateTenant(state, tenantId, (tenant) => ({
      ...tenant,
      services: page.items.reduce(upsertById, tenant.services),
    })),
  updateService: markService,
  scaleService: markService,
  restartService: markService,
  rollbackService: markService,
  deleteService: markService,
  loadMarketplace: (state, page, { tenantId }) =>
    updateTenant(state, tenantId, (tenant) => ({
      ...tenant,
      marketplaceItems: page.items.reduce(upsertById, tenant.marketplaceItems),
    })),
} satisfies Reducers;
