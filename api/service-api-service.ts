import { BackendError } from '../errors/backend-error';
import type { Tenant } from '../interfaces/tenant-interface';
import { encodeListQuery } from './contract/list-query-codec';
import { serviceRoutes as routes } from './contract/service-routes';
import { buildDeploymentRequest, buildUpdateRequest } from './deploy-service-helper';
import type { Transport } from './http/transport';
import type { OperationImpls } from './operation-impl';
import { splitInput } from './split-input';

/** Looks a tenant up in the handler's state; the deploy helper checks forms against it. */
export type TenantLookup = (tenantId: string) => Tenant | undefined;

function requireTenant(lookup: TenantLookup, tenantId: string, requestId: string): Tenant {
  const tenant = lookup(tenantId);
  if (tenant !== undefined) return tenant;
  throw new BackendError({
    code: 'VALIDATION',
    message: `Tenant "${tenantId}" is not in the loaded state, so the deployment cannot be checked. Emit loadUser first, or pick a tenant of the signed-in user.`,
    details: [{ path: 'tenantId', message: 'unknown tenant' }],
    requestId,
  });
}

/** Services: lists, deployments and their revisions, scaling, restarts, logs and links. */
export function createServiceApi(transport: Transport, findTenant: TenantLookup) {
  return {
    listServices: (input, context) =>
      transport.send(
        routes.listServices,
        { params: { tenantId: input.tenantId }, query: encodeListQuery(input.query ?? {}) },
        context,
      ),
    deployService: (input, context) => {
      const { tenantId, spec } = buildDeploymentRequest(input, {
        tenant: requireTenant(findTenant, input.tenantId, context.requestId),
      });
      return transport.send(routes.deployService, { params: { tenantId }, body: spec }, context);
    },
    updateService: (input, context) => {
      const { tenantId, serviceId, spec } = buildUpdateRequest(input, {
        tenant: requireTenant(findTenant, input.tenantId, context.requestId),
      });
      return transport.send(routes.updateService, { params: { tenantId, serviceId }, body: spec }, context);
    },
    scaleService: (input, context) =>
      transport.send(routes.scaleService, splitInput(routes.scaleService, input), context),
    restartService: (input, context) => transport.send(routes.restartService, { params: input }, context),
    restartInstance: (input, context) => transport.send(routes.restartInstance, { params: input }, context),
    rollbackService: (input, context) =>
      transport.send(routes.rollbackService, splitInput(routes.rollbackService, input), context),
    loadServiceRevisions: (input, context) =>
      transport.send(
        routes.loadServiceRevisions,
        { params: { tenantId: input.tenantId, serviceId: input.serviceId }, query: encodeListQuery(input.query ?? {}) },
        context,
      ),
    loadInstanceLogs: ({ tail, since, ...params }, context) =>
      transport.send(
        routes.loadInstanceLogs,
        {
          params,
          query: { ...(tail === undefined ? {} : { tail: String(tail) }), ...(since === undefined ? {} : { since }) },
        },
        context,
      ),
    deleteService: (input, context) => transport.send(routes.deleteService, { params: input }, context),
    linkServices: (input, context) =>
      transport.send(routes.linkServices, splitInput(routes.linkServices, input), context),
    unlinkServices: async (input, context) => {
      await transport.send(routes.unlinkServices, { params: input }, context);
      return input;
    },
  } satisfies Pick<
    OperationImpls,
    | 'listServices'
    | 'deployService'
    | 'updateService'
    | 'scaleService'
    | 'restartService'
    | 'restartInstance'
    | 'rollbackService'
    | 'loadServiceRevisions'
    | 'loadInstanceLogs'
    | 'deleteService'
    | 'linkServices'
    | 'unlinkServices'
  >;
}
