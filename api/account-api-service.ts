import { accountRoutes as routes } from './contract/account-routes';
import type { Transport } from './http/transport';
import type { OperationImpls } from './operation-impl';
import { splitInput } from './split-input';

/** Cloud accounts of a tenant. Credentials are sent on create/update and never come back. */
export function createAccountApi(transport: Transport) {
  return {
    createAccount: (input, context) =>
      transport.send(routes.createAccount, splitInput(routes.createAccount, input), context),
    updateAccount: (input, context) =>
      transport.send(routes.updateAccount, splitInput(routes.updateAccount, input), context),
    deleteAccount: async (input, context) => {
      await transport.send(routes.deleteAccount, { params: input }, context);
      return input;
    },
    validateAccountCredentials: (input, context) =>
      transport.send(routes.validateAccountCredentials, { params: input }, context),
  } satisfies Pick<OperationImpls, 'createAccount' | 'updateAccount' | 'deleteAccount' | 'validateAccountCredentials'>;
}
