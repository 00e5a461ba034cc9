import type { CreateResourceInput, DeleteResourceInput, UpdateResourceInput } from '../api/contract/resource-routes';
import type { Resource } from '../interfaces/resource-interface';
import type { Declarations, RequestTypes } from './define-request';
import {
  CreateResourceInputSchema,
  DeleteResourceInputSchema,
  resourceRoutes as routes,
  UpdateResourceInputSchema,
} from '../api/contract/resource-routes';
import { ResourceSchema } from '../interfaces/resource-interface';
import { storeResource } from '../state/infrastructure-tree';
import { removeResource } from '../state/removals';
import { defineRequest } from './define-request';
import { sendAndEcho } from './route-calls';

/** The types of this domain's requests, by name: input, success payload, long-running or not. */
export interface ResourceRequestTypes {
  createResource: RequestTypes<CreateResourceInput, Resource>;
  updateResource: RequestTypes<UpdateResourceInput, Resource>;
  deleteResource: RequestTypes<DeleteResourceInput, DeleteResourceInput>;
}

/** Tenant resources: secrets, volumes, files, domains, ports, certificates and plain values. */
export const resourceRequests: Declarations<ResourceRequestTypes> = {
  createResource: defineRequest({
    route: routes.createResource,
    input: CreateResourceInputSchema,
    output: ResourceSchema,
    reduce: storeResource,
  }),
  updateResource: defineRequest({
    route: routes.updateResource,
    input: UpdateResourceInputSchema,
    output: ResourceSchema,
    reduce: storeResource,
  }),
  deleteResource: defineRequest({
    route: routes.deleteResource,
    input: DeleteResourceInputSchema,
    output: DeleteResourceInputSchema,
    call: sendAndEcho,
    reduce: (state, { tenantId, resourceId }) => removeResource(state, tenantId, resourceId),
  }),
};
