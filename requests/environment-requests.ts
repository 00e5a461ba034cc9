import type {
  CreateEnvironmentInput,
  DeleteEnvironmentInput,
  UpdateEnvironmentInput,
} from '../api/contract/environment-routes';
import type { Environment } from '../interfaces/environment-interface';
import type { Declarations, RequestTypes } from './define-request';
import {
  CreateEnvironmentInputSchema,
  DeleteEnvironmentInputSchema,
  environmentRoutes as routes,
  UpdateEnvironmentInputSchema,
} from '../api/contract/environment-routes';
import { EnvironmentSchema } from '../interfaces/environment-interface';
import { storeEnvironment } from '../state/infrastructure-tree';
import { removeEnvironment } from '../state/removals';
import { defineRequest } from './define-request';
import { sendAndEcho } from './route-calls';

/** The types of this domain's requests, by name: input, success payload, long-running or not. */
export interface EnvironmentRequestTypes {
  createEnvironment: RequestTypes<CreateEnvironmentInput, Environment>;
  updateEnvironment: RequestTypes<UpdateEnvironmentInput, Environment>;
  deleteEnvironment: RequestTypes<DeleteEnvironmentInput, DeleteEnvironmentInput>;
}

/** Environments of a tenant, each on one of its cloud accounts. */
export const environmentRequests: Declarations<EnvironmentRequestTypes> = {
  createEnvironment: defineRequest({
    route: routes.createEnvironment,
    input: CreateEnvironmentInputSchema,
    output: EnvironmentSchema,
    reduce: storeEnvironment,
  }),
  updateEnvironment: defineRequest({
    route: routes.updateEnvironment,
    input: UpdateEnvironmentInputSchema,
    output: EnvironmentSchema,
    reduce: storeEnvironment,
  }),
  deleteEnvironment: defineRequest({
    route: routes.deleteEnvironment,
    input: DeleteEnvironmentInputSchema,
    output: DeleteEnvironmentInputSchema,
    call: sendAndEcho,
    reduce: (state, { tenantId, environmentId }) => removeEnvironment(state, tenantId, environmentId),
  }),
};
