import type { UserState } from './user-state';

/** A change to apply to the state once the data it needs has arrived. */
export type StatePatch = (state: UserState) => UserState;

/** The patch that changes nothing. */
export const unchanged: StatePatch = (state) => state;
