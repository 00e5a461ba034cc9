import { deepFreeze, freezeAgainst } from '../immutable/deep-freeze';
import { mergeNewer } from './merge-newer';
import type { UserState } from './user-state';

/**
 * The state after a change: `next` merged into `current` so that no entity goes back to an older version
 * and unchanged branches keep their identity, then frozen. Returns `current` itself when nothing changed.
 */
export function commitState(current: UserState, next: UserState): UserState {
  // Another signed-in user shares nothing with the previous one's tree, not even a kept version.
  if (current === null || next === null || current.id !== next.id) return next === current ? current : deepFreeze(next);
  const merged = mergeNewer(current, next);
  return merged === current ? current : freezeAgainst(merged, current);
}
