import {
  CreateEnvironmentInputSchema,
  DeleteEnvironmentInputSchema,
  environmentRoutes as routes,
  UpdateEnvironmentInputSchema,
} from '../api/contract/environment-routes';
import { EnvironmentSchema } from '../interfaces/environment-interface';
import { putEnvironment, withEnvironmentOnAccount } from '../state/infrastructure-tree';
import { removeById, updateTenant } from '../state/tree';
import { defineRequest } from './define-request';
import { sendAndEcho } from './route-calls';

/** Environments of a tenant, each on one of its cloud accounts. */
export const environmentRequests = {
  createEnvironment: defineRequest({
    route: routes.createEnvironment,
    input: CreateEnvironmentInputSchema,
    output: EnvironmentSchema,
    reduce: (state, environment) =>
      updateTenant(state, environment.tenant, (tenant) => putEnvironment(tenant, environment)),
  }),
  updateEnvironment: defineRequest({
    route: routes.updateEnvironment,
    input: UpdateEnvironmentInputSchema,
    output: EnvironmentSchema,
    reduce: (state, environment) =>
      updateTenant(state, environment.tenant, (tenant) => putEnvironment(tenant, environment)),
  }),
  deleteEnvironment: defineRequest({
    route: routes.deleteEnvironment,
    input: DeleteEnvironmentInputSchema,
    output: DeleteEnvironmentInputSchema,
    call: sendAndEcho,
    reduce: (state, { tenantId, environmentId }) =>
      updateTenant(state, tenantId, (tenant) =>
        withEnvironmentOnAccount(
          { ...tenant, environments: removeById(tenant.environments, environmentId) },
          environmentId,
          undefined,
        ),
      ),
  }),
};
