import * as z from 'zod';
import { IdSchema, TimestampSchema } from '../../interfaces/common';
import { RequestListQuerySchema } from './list-query';
import { DeployItemBody } from './marketplace-routes';
import { LinkBody, RollbackBody, ScaleBody } from './service-routes';
import { DnsLabelSchema } from './service-spec';

const TenantParams = { tenantId: IdSchema };
const ServiceParams = { ...TenantParams, serviceId: IdSchema };
const InstanceParams = { ...ServiceParams, instanceId: IdSchema };

export const ListServicesInputSchema = z.strictObject({ ...TenantParams, query: RequestListQuerySchema.optional() });
export interface ListServicesInput extends z.input<typeof ListServicesInputSchema> {}
export const ServiceRefInputSchema = z.strictObject(ServiceParams);
export interface ServiceRefInput extends z.input<typeof ServiceRefInputSchema> {}
export const InstanceRefInputSchema = z.strictObject(InstanceParams);
export interface InstanceRefInput extends z.input<typeof InstanceRefInputSchema> {}
export const ScaleServiceInputSchema = z
  .strictObject({ ...ServiceParams, ...ScaleBody })
  .refine((input) => input.minReplicas <= input.maxReplicas, {
    message: 'must not be less than minReplicas',
    path: ['maxReplicas'],
  });
export interface ScaleServiceInput extends z.input<typeof ScaleServiceInputSchema> {}
export const RollbackServiceInputSchema = z.strictObject({ ...ServiceParams, ...RollbackBody });
export interface RollbackServiceInput extends z.input<typeof RollbackServiceInputSchema> {}
export const LoadServiceRevisionsInputSchema = z.strictObject({
  ...ServiceParams,
  query: RequestListQuerySchema.optional(),
});
export interface LoadServiceRevisionsInput extends z.input<typeof LoadServiceRevisionsInputSchema> {}
export const LoadInstanceLogsInputSchema = z.strictObject({
  ...InstanceParams,
  tail: z.number().int().min(1).max(10_000).optional(),
  since: TimestampSchema.optional(),
});
export interface LoadInstanceLogsInput extends z.input<typeof LoadInstanceLogsInputSchema> {}
export const LinkServicesInputSchema = z
  .strictObject({ ...TenantParams, ...LinkBody })
  .refine((input) => input.origin.service !== input.target.service, {
    message: 'a link joins two different services',
    path: ['target', 'service'],
  });
export interface LinkServicesInput extends z.input<typeof LinkServicesInputSchema> {}
export const UnlinkServicesInputSchema = z.strictObject({ ...TenantParams, linkName: DnsLabelSchema });
export interface UnlinkServicesInput extends z.input<typeof UnlinkServicesInputSchema> {}
export const LoadMarketplaceInputSchema = z.strictObject({
  ...TenantParams,
  query: RequestListQuerySchema.optional(),
});
export interface LoadMarketplaceInput extends z.input<typeof LoadMarketplaceInputSchema> {}
export const DeployMarketplaceItemInputSchema = z.strictObject({
  ...TenantParams,
  itemId: IdSchema,
  ...DeployItemBody,
});
export interface DeployMarketplaceItemInput extends z.input<typeof DeployMarketplaceItemInputSchema> {}
