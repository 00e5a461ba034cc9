import type { User } from '../interfaces/user-interface';

/** The handler's state: the signed-in user's tree, or `null` before `loadUser` / after sign-out. */
export type UserState = User | null;
