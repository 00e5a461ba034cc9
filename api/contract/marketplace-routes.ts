import * as z from 'zod';
import { named } from '../../interfaces/named';
import { IdSchema } from '../../interfaces/common';
import { MarketplaceItemSchema, type MarketplaceItem } from '../../interfaces/marketplace-item-interface';
import { OperationSchema, type Operation } from '../../interfaces/operation-interface';
import { defineRoute } from './define-route';
import { ListQueryParamsSchema, listResponseSchema } from './list-query';
import { DnsLabelSchema } from './service-spec';

const TenantParams = { tenantId: IdSchema };
const ItemParams = { ...TenantParams, itemId: IdSchema };
export const DeployItemBody = { name: DnsLabelSchema, environment: IdSchema, account: IdSchema };

export const marketplaceRoutes = {
  loadMarketplace: defineRoute({
    id: 'loadMarketplace',
    method: 'GET',
    path: '/tenants/{tenantId}/marketplace',
    summary: 'The marketplace items a tenant can deploy',
    params: z.strictObject(TenantParams),
    query: ListQueryParamsSchema,
    response: listResponseSchema(named<MarketplaceItem>(MarketplaceItemSchema)),
    successStatus: 200,
  }),
  deployMarketplaceItem: defineRoute({
    id: 'deployMarketplaceItem',
    method: 'POST',
    path: '/tenants/{tenantId}/marketplace/{itemId}/deploy',
    summary: 'Deploy a marketplace item as a service (long-running)',
    params: z.strictObject(ItemParams),
    body: z.strictObject(DeployItemBody),
    response: named<Operation>(OperationSchema),
    successStatus: 202,
  }),
} as const;
