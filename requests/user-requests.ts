import type {
  ChangePasswordInput,
  ChangePlanInput,
  CreateTokenInput,
  DeleteTokenInput,
  LoginInput,
  UpdateUserInput,
} from '../api/contract/user-routes';
import type { CreatedToken } from '../interfaces/token-interface';
import type { Declarations, RequestTypes } from './define-request';
import * as z from 'zod';
import {
  ChangePasswordInputSchema,
  ChangePlanInputSchema,
  CreateTokenInputSchema,
  DeleteTokenInputSchema,
  LoginInputSchema,
  UpdateUserInputSchema,
  userRoutes as routes,
} from '../api/contract/user-routes';
import { CreatedTokenSchema, TokenSchema } from '../interfaces/token-interface';
import { UserSchema, type User } from '../interfaces/user-interface';
import { reduceFullUser } from '../state/full-user';
import { removeToken } from '../state/removals';
import { updateUser, upsertById } from '../state/tree';
import type { UserState } from '../state/user-state';
import { isBackendError } from '../errors/backend-error';
import { defineRequest } from './define-request';
import { sendAndEcho } from './route-calls';

const None = z.undefined();
const replaceUser = reduceFullUser;
const signedOut = (): UserState => null;

/** The types of this domain's requests, by name: input, success payload, long-running or not. */
export interface UserRequestTypes {
  login: RequestTypes<LoginInput, User>;
  logout: RequestTypes<undefined, undefined>;
  loadUser: RequestTypes<undefined, User>;
  updateUser: RequestTypes<UpdateUserInput, User>;
  changePassword: RequestTypes<ChangePasswordInput, undefined>;
  changePlan: RequestTypes<ChangePlanInput, User>;
  deleteUser: RequestTypes<undefined, undefined>;
  createToken: RequestTypes<CreateTokenInput, CreatedToken>;
  deleteToken: RequestTypes<DeleteTokenInput, DeleteTokenInput>;
}

/** Session, profile and API tokens of the signed-in user. */
export const userRequests: Declarations<UserRequestTypes> = {
  login: defineRequest({
    route: routes.login,
    input: LoginInputSchema,
    output: UserSchema,
    // The tokens stay in the in-memory session; only the user reaches the success event.
    call: async (input, api) => {
      const refreshTokenDelivery = api.session?.refreshTokenDelivery;
      const body = refreshTokenDelivery === undefined ? input : { ...input, refreshTokenDelivery };
      const { user, session } = await api.send({ body });
      api.session?.open(session);
      return user;
    },
    reduce: replaceUser,
  }),
  logout: defineRequest({
    route: routes.logout,
    input: None,
    output: None,
    // An expired access token is renewed first, so that the API ends the session and its refresh token too.
    call: async (_input, api) => {
      try {
        await api.send({});
      } catch (error) {
        // 401 even after a renewal: the API holds no session any more, so the user is signed out.
        if (!(isBackendError(error) && error.code === 'UNAUTHORIZED')) throw error;
      } finally {
        // Signing out must always work locally, even when the API could not be told.
        api.session?.close();
      }
      return undefined;
    },
    reduce: signedOut,
  }),
  loadUser: defineRequest({ route: routes.loadUser, input: None, output: UserSchema, reduce: replaceUser }),
  updateUser: defineRequest({
    route: routes.updateUser,
    input: UpdateUserInputSchema,
    output: UserSchema,
    reduce: replaceUser,
  }),
  changePassword: defineRequest({ route: routes.changePassword, input: ChangePasswordInputSchema, output: None }),
  changePlan: defineRequest({
    route: routes.changePlan,
    input: ChangePlanInputSchema,
    output: UserSchema,
    reduce: replaceUser,
  }),
  deleteUser: defineRequest({
    route: routes.deleteUser,
    input: None,
    output: None,
    call: async (_input, api) => {
      await api.send({});
      api.session?.close();
      return undefined;
    },
    reduce: signedOut,
  }),
  createToken: defineRequest({
    route: routes.createToken,
    input: CreateTokenInputSchema,
    output: CreatedTokenSchema,
    // The secret value of a new token is in the success payload once; the state keeps the token without it.
    reduce: (state, token) =>
      updateUser(state, (user) => ({ ...user, tokens: upsertById(user.tokens, TokenSchema.parse(token)) })),
  }),
  deleteToken: defineRequest({
    route: routes.deleteToken,
    input: DeleteTokenInputSchema,
    output: DeleteTokenInputSchema,
    call: sendAndEcho,
    reduce: (state, _result, { tokenId }) => removeToken(state, tokenId),
  }),
};
