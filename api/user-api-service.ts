import { userRoutes } from './contract/user-routes';
import type { Transport } from './http/transport';
import type { OperationImpls } from './operation-impl';

/** The user's own profile: `loadUser` reads the whole tree, `updateUser` changes profile fields. */
export function createUserApi(transport: Transport) {
  return {
    loadUser: (_input, context) => transport.send(userRoutes.getMe, {}, context),
    updateUser: (input, context) => transport.send(userRoutes.updateMe, { body: input }, context),
  } satisfies Pick<OperationImpls, 'loadUser' | 'updateUser'>;
}
