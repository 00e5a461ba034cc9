import { userRoutes as routes } from './contract/user-routes';
import type { Transport } from './http/transport';
import type { OperationImpls } from './operation-impl';
import type { Session } from './session';
import { splitInput } from './split-input';

/**
 * Session, profile and API tokens. When the application supplies no `auth.getAccessToken`, `login` opens an
 * in-memory `session` whose token the transport attaches, and `logout`/`deleteUser` close it.
 */
export function createUserApi(transport: Transport, session: Session | undefined) {
  return {
    login: async (input, context) => {
      const { user, session: tokens } = await transport.send(routes.login, { body: input }, context);
      session?.open(tokens.accessToken, tokens.expiresAt);
      return user;
    },
    logout: async (_input, context) => {
      try {
        await transport.send(routes.logout, {}, context);
      } finally {
        // Forget the token even when the API could not be told: signing out must always work locally.
        session?.close();
      }
    },
    loadUser: (_input, context) => transport.send(routes.loadUser, {}, context),
    updateUser: (input, context) => transport.send(routes.updateUser, { body: input }, context),
    changePassword: (input, context) => transport.send(routes.changePassword, { body: input }, context),
    changePlan: (input, context) => transport.send(routes.changePlan, { body: input }, context),
    deleteUser: async (_input, context) => {
      await transport.send(routes.deleteUser, {}, context);
      session?.close();
    },
    createToken: (input, context) => transport.send(routes.createToken, { body: input }, context),
    deleteToken: async (input, context) => {
      await transport.send(routes.deleteToken, splitInput(routes.deleteToken, input), context);
      return input;
    },
  } satisfies Pick<
    OperationImpls,
    | 'login'
    | 'logout'
    | 'loadUser'
    | 'updateUser'
    | 'changePassword'
    | 'changePlan'
    | 'deleteUser'
    | 'createToken'
    | 'deleteToken'
  >;
}
