import * as z from 'zod';
import { named } from '../../interfaces/named';
import { IdSchema, LogsSchema, ReplicasSchema, TimestampSchema, ShortTextSchema } from '../../interfaces/common';
import { LinkSchema, type Link } from '../../interfaces/link-interface';
import { OperationSchema, type Operation } from '../../interfaces/operation-interface';
import { ServiceSchema, type Service } from '../../interfaces/service-interface';
import { defineRoute } from './define-route';
import { ListQueryParamsSchema, listResponseSchema } from './list-query';
import { DnsLabelSchema, ServiceSpecSchema } from './service-spec';

const TenantParams = { tenantId: IdSchema };
const ServiceParams = { ...TenantParams, serviceId: IdSchema };
const InstanceParams = { ...ServiceParams, instanceId: IdSchema };
const LinkParams = { ...TenantParams, linkName: DnsLabelSchema };

export const ScaleBody = { minReplicas: ReplicasSchema, maxReplicas: ReplicasSchema };
export const RollbackBody = { revision: IdSchema };
const ChannelRefSchema = z.strictObject({ service: IdSchema, channel: DnsLabelSchema });
export const LinkBody = { name: DnsLabelSchema, origin: ChannelRefSchema, target: ChannelRefSchema };
export const LogsQuerySchema = z.strictObject({
  tail: z
    .string()
    .regex(/^\d{1,5}$/)
    .optional()
    .describe('Last N lines, 1 to 10000'),
  since: TimestampSchema.optional().describe('Only lines written at or after this time'),
});

/** A deployed revision of a service. */
export const RevisionSchema = z.object({
  id: IdSchema,
  service: IdSchema,
  number: z.number().int().min(1).max(1_000_000),
  imageName: ShortTextSchema,
  minReplicas: ReplicasSchema,
  maxReplicas: ReplicasSchema,
  current: z.boolean(),
  createdAt: TimestampSchema,
});
export interface Revision extends z.output<typeof RevisionSchema> {}

/** The most operations one `getOperations` call asks for. */
export const MAX_OPERATION_IDS = 100;

/** The query of `getOperations`: `ids=op-1,op-2`, 1 to 100 comma-separated ids (an id holding a comma cannot be asked for). */
export const OperationIdsQuerySchema = z.strictObject({
  ids: z
    .string()
    .max(MAX_OPERATION_IDS * 129 - 1)
    .regex(new RegExp(`^[^,]{1,128}(,[^,]{1,128}){0,${MAX_OPERATION_IDS - 1}}$`), {
      message: `must be 1 to ${MAX_OPERATION_IDS} comma-separated ids of 1 to 128 characters`,
    })
    .describe(`Comma-separated operation ids, 1 to ${MAX_OPERATION_IDS}: op-1,op-2`),
});

/** The operations of a `getOperations` call the caller may see; unknown or foreign ids are absent. */
export const OperationBatchSchema = z.object({
  items: z.array(named<Operation>(OperationSchema)).max(MAX_OPERATION_IDS),
});
export interface OperationBatch extends z.output<typeof OperationBatchSchema> {}

/** Log lines of one instance. */
export const InstanceLogsSchema = z.object({ instanceId: IdSchema, lines: LogsSchema });
export interface InstanceLogs extends z.output<typeof InstanceLogsSchema> {}

const services = '/tenants/{tenantId}/services' as const;
const service = `${services}/{serviceId}` as const;
const accepted = { response: named<Operation>(OperationSchema), successStatus: 202 } as const;

export const serviceRoutes = {
  listServices: defineRoute({
    id: 'listServices',
    method: 'GET',
    path: services,
    summary: 'List, filter and sort the services of a tenant',
    params: z.strictObject(TenantParams),
    query: ListQueryParamsSchema,
    response: listResponseSchema(named<Service>(ServiceSchema)),
    successStatus: 200,
  }),
  getService: defineRoute({
    id: 'getService',
    method: 'GET',
    path: service,
    summary: 'One service with its roles, instances and containers',
    params: z.strictObject(ServiceParams),
    response: named<Service>(ServiceSchema),
    successStatus: 200,
  }),
  deployService: defineRoute({
    id: 'deployService',
    method: 'POST',
    path: services,
    summary: 'Deploy a new service (long-running: answers 202 with an operation)',
    params: z.strictObject(TenantParams),
    body: ServiceSpecSchema,
    ...accepted,
  }),
  updateService: defineRoute({
    id: 'updateService',
    method: 'PUT',
    path: service,
    summary: 'Deploy a new revision of a service (long-running)',
    params: z.strictObject(ServiceParams),
    body: ServiceSpecSchema,
    ...accepted,
  }),
  scaleService: defineRoute({
    id: 'scaleService',
    method: 'POST',
    path: `${service}/scale`,
    summary: 'Change the replica range of a service (long-running)',
    params: z.strictObject(ServiceParams),
    body: z.strictObject(ScaleBody),
    ...accepted,
  }),
  restartService: defineRoute({
    id: 'restartService',
    method: 'POST',
    path: `${service}/restart`,
    summary: 'Restart every instance of a service (long-running)',
    params: z.strictObject(ServiceParams),
    ...accepted,
  }),
  restartInstance: defineRoute({
    id: 'restartInstance',
    method: 'POST',
    path: `${service}/instances/{instanceId}/restart`,
    summary: 'Restart one instance (long-running)',
    params: z.strictObject(InstanceParams),
    ...accepted,
  }),
  rollbackService: defineRoute({
    id: 'rollbackService',
    method: 'POST',
    path: `${service}/rollback`,
    summary: 'Go back to an earlier revision (long-running)',
    params: z.strictObject(ServiceParams),
    body: z.strictObject(RollbackBody),
    ...accepted,
  }),
  loadServiceRevisions: defineRoute({
    id: 'loadServiceRevisions',
    method: 'GET',
    path: `${service}/revisions`,
    summary: 'The revisions of a service, newest first',
    params: z.strictObject(ServiceParams),
    query: ListQueryParamsSchema,
    response: listResponseSchema(named<Revision>(RevisionSchema)),
    successStatus: 200,
  }),
  loadInstanceLogs: defineRoute({
    id: 'loadInstanceLogs',
    method: 'GET',
    path: `${service}/instances/{instanceId}/logs`,
    summary: 'Log lines of an instance (tail, since)',
    params: z.strictObject(InstanceParams),
    query: LogsQuerySchema,
    response: named<InstanceLogs>(InstanceLogsSchema),
    successStatus: 200,
  }),
  deleteService: defineRoute({
    id: 'deleteService',
    method: 'DELETE',
    path: service,
    summary: 'Undeploy and delete a service (long-running)',
    params: z.strictObject(ServiceParams),
    ...accepted,
  }),
  linkServices: defineRoute({
    id: 'linkServices',
    method: 'POST',
    path: '/tenants/{tenantId}/links',
    summary: 'Link a channel of one service to a channel of another',
    params: z.strictObject(TenantParams),
    body: z.strictObject(LinkBody),
    response: named<Link>(LinkSchema),
    successStatus: 201,
  }),
  unlinkServices: defineRoute({
    id: 'unlinkServices',
    method: 'DELETE',
    path: '/tenants/{tenantId}/links/{linkName}',
    summary: 'Remove a link between two services',
    params: z.strictObject(LinkParams),
    response: z.undefined(),
    successStatus: 204,
  }),
  getOperation: defineRoute({
    id: 'getOperation',
    method: 'GET',
    path: '/operations/{operationId}',
    summary: 'The current state of a long-running operation',
    params: z.strictObject({ operationId: IdSchema }),
    response: named<Operation>(OperationSchema),
    successStatus: 200,
  }),
  getOperations: defineRoute({
    id: 'getOperations',
    method: 'GET',
    path: '/operations',
    summary: 'The current state of several long-running operations at once; unknown ids are left out',
    query: OperationIdsQuerySchema,
    response: named<OperationBatch>(OperationBatchSchema),
    successStatus: 200,
  }),
} as const;
