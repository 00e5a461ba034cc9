import type { DeployMarketplaceItemInput, LoadMarketplaceInput } from '../api/contract/service-inputs';
import type { ListResponse } from '../api/contract/list-query';
import type { MarketplaceItem } from '../interfaces/marketplace-item-interface';
import type { Operation } from '../interfaces/operation-interface';
import type { Declarations, RequestTypes } from './define-request';
import { listResponseSchema } from '../api/contract/list-query';
import { marketplaceRoutes as routes } from '../api/contract/marketplace-routes';
import { DeployMarketplaceItemInputSchema, LoadMarketplaceInputSchema } from '../api/contract/service-inputs';
import { MarketplaceItemSchema } from '../interfaces/marketplace-item-interface';
import { OperationSchema } from '../interfaces/operation-interface';
import { newServiceOf } from '../state/service-tree';
import { updateTenant, upsertById } from '../state/tree';
import { defineRequest } from './define-request';
import { sendList } from './route-calls';

/** The types of this domain's requests, by name: input, success payload, long-running or not. */
export interface MarketplaceRequestTypes {
  loadMarketplace: RequestTypes<LoadMarketplaceInput, ListResponse<MarketplaceItem>>;
  deployMarketplaceItem: RequestTypes<DeployMarketplaceItemInput, Operation, true>;
}

/** The marketplace: items a tenant can deploy as services. */
export const marketplaceRequests: Declarations<MarketplaceRequestTypes> = {
  loadMarketplace: defineRequest({
    route: routes.loadMarketplace,
    input: LoadMarketplaceInputSchema,
    output: listResponseSchema(MarketplaceItemSchema),
    call: sendList,
    reduce: (state, page, { tenantId }) =>
      updateTenant(state, tenantId, (tenant) => ({
        ...tenant,
        marketplaceItems: page.items.reduce(upsertById, tenant.marketplaceItems),
      })),
  }),
  deployMarketplaceItem: defineRequest({
    route: routes.deployMarketplaceItem,
    input: DeployMarketplaceItemInputSchema,
    output: OperationSchema,
    reloads: (_input, _state, operation) => newServiceOf(operation),
  }),
};
