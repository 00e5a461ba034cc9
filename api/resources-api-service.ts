import { resourceRoutes as routes } from './contract/resource-routes';
import type { Transport } from './http/transport';
import type { OperationImpls } from './operation-impl';
import { splitInput } from './split-input';

/** Tenant resources: secrets, volumes, files, domains, ports, certificates and plain values. */
export function createResourcesApi(transport: Transport) {
  return {
    createResource: (input, context) =>
      transport.send(routes.createResource, splitInput(routes.createResource, input), context),
    updateResource: (input, context) =>
      transport.send(routes.updateResource, splitInput(routes.updateResource, input), context),
    deleteResource: async (input, context) => {
      await transport.send(routes.deleteResource, { params: input }, context);
      return input;
    },
  } satisfies Pick<OperationImpls, 'createResource' | 'updateResource' | 'deleteResource'>;
}
