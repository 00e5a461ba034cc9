import { tenantRoutes as routes } from './contract/tenant-routes';
import type { Transport } from './http/transport';
import type { OperationImpls } from './operation-impl';
import { splitInput } from './split-input';

/** Tenants and their members. */
export function createTenantApi(transport: Transport) {
  return {
    createTenant: (input, context) => transport.send(routes.createTenant, { body: input }, context),
    updateTenant: (input, context) =>
      transport.send(routes.updateTenant, splitInput(routes.updateTenant, input), context),
    deleteTenant: async (input, context) => {
      await transport.send(routes.deleteTenant, { params: input }, context);
      return input;
    },
    inviteTenantUser: (input, context) =>
      transport.send(routes.inviteTenantUser, splitInput(routes.inviteTenantUser, input), context),
    removeTenantUser: async (input, context) => {
      await transport.send(routes.removeTenantUser, { params: input }, context);
      return input;
    },
    changeTenantUserRole: (input, context) =>
      transport.send(routes.changeTenantUserRole, splitInput(routes.changeTenantUserRole, input), context),
  } satisfies Pick<
    OperationImpls,
    'createTenant' | 'updateTenant' | 'deleteTenant' | 'inviteTenantUser' | 'removeTenantUser' | 'changeTenantUserRole'
  >;
}
