import { environmentRoutes as routes } from './contract/environment-routes';
import type { Transport } from './http/transport';
import type { OperationImpls } from './operation-impl';
import { splitInput } from './split-input';

/** Environments of a tenant, each on one of its cloud accounts. */
export function createEnvironmentApi(transport: Transport) {
  return {
    createEnvironment: (input, context) =>
      transport.send(routes.createEnvironment, splitInput(routes.createEnvironment, input), context),
    updateEnvironment: (input, context) =>
      transport.send(routes.updateEnvironment, splitInput(routes.updateEnvironment, input), context),
    deleteEnvironment: async (input, context) => {
      await transport.send(routes.deleteEnvironment, { params: input }, context);
      return input;
    },
  } satisfies Pick<OperationImpls, 'createEnvironment' | 'updateEnvironment' | 'deleteEnvironment'>;
}
