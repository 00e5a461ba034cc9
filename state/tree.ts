import type { Tenant } from '../interfaces/tenant-interface';
import type { User } from '../interfaces/user-interface';
import { mergeSnapshot } from './merge-newer';
import type { UserState } from './user-state';

interface WithId {
  id: string;
}

/**
 * `list` with `item` (as the API returned it) merged into the element of the same id, or appended when there
 * is none. The element keeps its version when it is later than `item`, and the entities it holds that were
 * created after `item` was read stay (see {@link mergeSnapshot}); `list` itself when nothing changed.
 */
export function upsertById<T extends WithId>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((element) => element.id === item.id);
  if (index === -1) return [...list, item];
  const merged = mergeSnapshot(list[index], item).value;
  return merged === list[index]
    ? (list as T[])
    : list.map((element, position) => (position === index ? merged : element));
}

/** The element of `list` with id `id`. */
export function findById<T extends WithId>(list: readonly T[], id: string): T | undefined {
  return list.find((element) => element.id === id);
}

/** `list` without the element of id `id`. */
export function removeById<T extends WithId>(list: readonly T[], id: string): T[] {
  return list.filter((element) => element.id !== id);
}

/** The state with the user replaced by `update(user)`; unchanged when signed out. */
export function updateUser(state: UserState, update: (user: User) => User): UserState {
  return state === null ? state : update(state);
}

/** The state with tenant `tenantId` replaced by `update(tenant)`; unchanged when there is no such tenant. */
export function updateTenant(state: UserState, tenantId: string, update: (tenant: Tenant) => Tenant): UserState {
  if (state === null || !state.tenants.some((tenant) => tenant.id === tenantId)) return state;
  return { ...state, tenants: state.tenants.map((tenant) => (tenant.id === tenantId ? update(tenant) : tenant)) };
}

/** Finds a tenant of the signed-in user. */
export function findTenant(state: UserState, tenantId: string): Tenant | undefined {
  return state?.tenants.find((tenant) => tenant.id === tenantId);
}
