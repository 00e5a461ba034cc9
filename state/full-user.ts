import type { Environment } from '../interfaces/environment-interface';
import type { Service } from '../interfaces/service-interface';
import type { Tenant } from '../interfaces/tenant-interface';
import type { User } from '../interfaces/user-interface';
import { storeEnvironment } from './infrastructure-tree';
import { mergeSnapshot, type KeptEntity } from './merge-newer';
import { putService } from './service-tree';
import { putTenant } from './tenant-tree';
import type { UserState } from './user-state';

// An entity kept against a snapshot that did not list it is listed again by the entities that refer to it.
function restoreReferences(state: UserState, { field, entity }: KeptEntity): UserState {
  if (field === 'services') return putService(state, entity as unknown as Service);
  if (field === 'environments') return storeEnvironment(state, entity as unknown as Environment);
  if (field === 'tenants') return putTenant(state, entity as unknown as Tenant);
  return state;
}

/**
 * The state after a response that holds the whole user (`loadUser`, `login`, `updateUser`, `changePlan`):
 * the user as the API sent it, except that no entity goes back to an older version than the tree holds, and
 * an entity created after the snapshot was read stays (see {@link mergeSnapshot}). Another user replaces
 * the tree.
 */
export function reduceFullUser(state: UserState, user: User): UserState {
  if (state === null || state.id !== user.id) return user;
  const { value, kept } = mergeSnapshot(state, user);
  return kept.reduce(restoreReferences, value);
}
