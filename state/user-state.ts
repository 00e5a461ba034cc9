import type { OperationName, OperationParsedInput, OperationResult } from '../event-names';
import type { User } from '../interfaces/user-interface';
import { reducers } from './reducers';
import { replaceEqualDeep } from './structural-sharing';

/** The handler's state: the signed-in user's tree, or `null` before `loadUser` / after sign-out. */
export type UserState = User | null;

export type Reducer<K extends OperationName> = (
  state: UserState,
  result: OperationResult<K>,
  input: OperationParsedInput<K>,
) => UserState;

/** How each operation's success changes the state. Operations that change nothing are absent. */
export type Reducers = { [K in OperationName]?: Reducer<K> };

/** Applies operation `K`'s reducer; unchanged branches of the state keep their identity. */
export function reduce<K extends OperationName>(
  state: UserState,
  operation: K,
  result: OperationResult<K>,
  input: OperationParsedInput<K>,
): UserState {
  const reducer: Reducer<K> | undefined = reducers[operation];
  if (reducer === undefined) return state;
  return replaceEqualDeep(state, reducer(state, result, input));
}
