import * as z from 'zod';
import { IdSchema, TimestampSchema } from '../../interfaces/common';
import { OperationListQuerySchema } from './list-query';
import { DeployItemBody } from './marketplace-routes';
import { LinkBody, RollbackBody, ScaleBody } from './service-routes';
import { DnsLabelSchema } from './service-spec';

const TenantParams = { tenantId: IdSchema };
const ServiceParams = { ...TenantParams, serviceId: IdSchema };
const InstanceParams = { ...ServiceParams, instanceId: IdSchema };

export const ListServicesInputSchema = z.strictObject({ ...TenantParams, query: OperationListQuerySchema.optional() });
export const ServiceRefInputSchema = z.strictObject(ServiceParams);
export const InstanceRefInputSchema = z.strictObject(InstanceParams);
export const ScaleServiceInputSchema = z
  .strictObject({ ...ServiceParams, ...ScaleBody })
  .refine((input) => input.minReplicas <= input.maxReplicas, {
    message: 'must not be less than minReplicas',
    path: ['maxReplicas'],
  });
export const RollbackServiceInputSchema = z.strictObject({ ...ServiceParams, ...RollbackBody });
export const LoadServiceRevisionsInputSchema = z.strictObject({
  ...ServiceParams,
  query: OperationListQuerySchema.optional(),
});
export const LoadInstanceLogsInputSchema = z.strictObject({
  ...InstanceParams,
  tail: z.number().int().min(1).max(10_000).optional(),
  since: TimestampSchema.optional(),
});
export const LinkServicesInputSchema = z
  .strictObject({ ...TenantParams, ...LinkBody })
  .refine((input) => input.origin.service !== input.target.service, {
    message: 'a link joins two different services',
    path: ['target', 'service'],
  });
export const UnlinkServicesInputSchema = z.strictObject({ ...TenantParams, linkName: DnsLabelSchema });
export const LoadMarketplaceInputSchema = z.strictObject({
  ...TenantParams,
  query: OperationListQuerySchema.optional(),
});
export const DeployMarketplaceItemInputSchema = z.strictObject({
  ...TenantParams,
  itemId: IdSchema,
  ...DeployItemBody,
});
