import { TokenSchema } from '../../interfaces/token-interface';
import type { User } from '../../interfaces/user-interface';
import { removeById, updateUser, upsertById } from '../tree';
import type { Reducers, UserState } from '../user-state';

const replaceUser = (_state: UserState, user: User): UserState => user;
const signedOut = (): UserState => null;

/** Session, profile and API tokens. */
export const userReducers = {
  login: replaceUser,
  loadUser: replaceUser,
  updateUser: replaceUser,
  changePlan: replaceUser,
  logout: signedOut,
  deleteUser: signedOut,
  // The secret value of a new token is in the success payload once; the state keeps the token without it.
  createToken: (state, token) =>
    updateUser(state, (user) => ({ ...user, tokens: upsertById(user.tokens, TokenSchema.parse(token)) })),
  deleteToken: (state, _result, { tokenId }) =>
    updateUser(state, (user) => ({ ...user, tokens: removeById(user.tokens, tokenId) })),
} satisfies Reducers;
