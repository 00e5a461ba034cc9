import type { LiveEvent, TenantHeader, UserProfile } from '../api/contract/live-events';
import type { TenantMember } from '../api/contract/tenant-routes';
import type { User } from '../interfaces/user-interface';
import { storeAccount, storeEnvironment, storeResource } from './infrastructure-tree';
import { removeAccount, removeEnvironment, removeOrganization, removeResource, removeToken } from './removals';
import { createServiceDraft, createServiceIndex } from './service-draft';
import { dropTenant, putTenant } from './tenant-tree';
import { isLater } from './timestamps';
import { findTenant, updateTenant, updateUser, upsertById } from './tree';
import { applyInfrastructureUsage, createSampleClock } from './usage-samples';
import type { UserState } from './user-state';

/** Reduces pushed events into the state tree. */
export interface LiveReducer {
  /**
   * The state after `batch`, applied in order: each entity merged by id so that a later version the tree
   * holds is never replaced by an older pushed one, deleted ones removed, untouched branches kept as they are.
   * Returns `state` itself when nothing changed. Not frozen: the handler commits it (`commitState`).
   * `stream.reset` changes nothing here: the handler reloads the tree.
   */
  reduce(state: UserState, batch: readonly LiveEvent[]): UserState;
  /** Forgets what earlier sessions told (usage sample times). */
  reset(): void;
}

// Events that read or replace a tenant's services, environments or accounts: pending service changes are
// written before them, so that the batch applies in order.
const TOUCHES_SERVICES: ReadonlySet<LiveEvent['type']> = new Set([
  'tenant.created',
  'tenant.updated',
  'tenant.deleted',
  'member.created',
  'member.updated',
  'member.deleted',
  'account.created',
  'account.updated',
  'account.deleted',
  'environment.created',
  'environment.updated',
  'environment.deleted',
  'resource.created',
  'resource.updated',
  'resource.deleted',
]);

/** The profile fields merged into the user, unless the tree holds a later version of the user. */
function mergeProfile(user: User, profile: UserProfile): User {
  if (user.id !== profile.id || isLater(user.updatedAt, profile.updatedAt)) return user;
  return { ...user, ...profile };
}

/** The tenant's own fields merged in, its collections kept; a tenant the tree lacks cannot be built from them. */
function mergeTenantHeader(state: UserState, header: TenantHeader): UserState {
  const tenant = findTenant(state, header.id);
  if (tenant === undefined || isLater(tenant.updatedAt, header.updatedAt)) return state;
  return putTenant(state, { ...tenant, ...header });
}

/**
 * What a membership change does to the tree: only the signed-in user's own role (each tenant holds the user's
 * role) or access; other members are counted by the tenant (`users`), which `tenant.updated` carries.
 */
function applyMember(state: UserState, member: TenantMember, deleted: boolean): UserState {
  if (state === null || member.userId !== state.id) return state;
  if (deleted) return dropTenant(state, member.tenant);
  return updateTenant(state, member.tenant, (tenant) =>
    tenant.role === member.role ? tenant : { ...tenant, role: member.role },
  );
}

export function createLiveReducer(): LiveReducer {
  const clock = createSampleClock();
  const index = createServiceIndex();

  return {
    reduce(state, batch) {
      let working = state;
      const draft = createServiceDraft(() => working, index);
      for (const event of batch) {
        if (draft.pending && TOUCHES_SERVICES.has(event.type)) working = draft.write(working);
        working = applyOne(working, event);
      }
      return draft.pending ? draft.write(working) : working;

      function applyOne(current: UserState, event: LiveEvent): UserState {
        switch (event.type) {
          case 'user.updated':
            return updateUser(current, (user) => mergeProfile(user, event.data));
          case 'organization.created':
          case 'organization.updated':
            return updateUser(current, (user) => ({
              ...user,
              organizations: upsertById(user.organizations, event.data),
            }));
          case 'organization.deleted':
            return removeOrganization(current, event.data.id);
          case 'tenant.created':
            return putTenant(current, event.data);
          case 'tenant.updated':
            return mergeTenantHeader(current, event.data);
          case 'tenant.deleted':
            return dropTenant(current, event.data.id);
          case 'member.created':
          case 'member.updated':
            return applyMember(current, event.data, false);
          case 'member.deleted':
            return applyMember(current, event.data, true);
          case 'account.created':
          case 'account.updated':
            return storeAccount(current, event.data);
          case 'account.deleted':
            clock.forget('account', event.data.id);
            return removeAccount(current, event.data.tenant, event.data.id);
          case 'environment.created':
          case 'environment.updated':
            return storeEnvironment(current, event.data);
          case 'environment.deleted':
            clock.forget('environment', event.data.id);
            return removeEnvironment(current, event.data.tenant, event.data.id);
          case 'resource.created':
          case 'resource.updated':
            return storeResource(current, event.data);
          case 'resource.deleted':
            return removeResource(current, event.data.tenant, event.data.id);
          case 'service.created':
          case 'service.updated':
            draft.put(event.data);
            return current;
          case 'service.deleted':
            clock.forget('service', event.data.id);
            draft.drop(event.data.tenant, event.data.id);
            return current;
          case 'instance.updated': {
            const { tenant, service, role, instance } = event.data;
            draft.putInstance(tenant, service, role, instance);
            return current;
          }
          case 'token.created':
          case 'token.updated':
            return updateUser(current, (user) => ({ ...user, tokens: upsertById(user.tokens, event.data) }));
          case 'token.deleted':
            return removeToken(current, event.data.id);
          case 'usage.sampled': {
            const sample = event.data;
            if (!clock.admit(sample)) return current;
            if (sample.target.type !== 'service') return applyInfrastructureUsage(current, sample);
            draft.setUsage(sample.target.tenant, sample.target.id, sample.usage);
            return current;
          }
          case 'notification.created':
          case 'notification.updated':
            return updateUser(current, (user) =>
              user.unreadNotifications === event.data.unread
                ? user
                : { ...user, unreadNotifications: event.data.unread },
            );
          // The operation's service changes with it, and the API pushes that change as `service.updated`;
          // the operation follower takes the operation itself. On `stream.reset` the handler reloads the tree.
          case 'operation.updated':
          case 'stream.reset':
            return current;
        }
      }
    },
    reset() {
      clock.clear();
      index.clear();
    },
  };
}
