import type { UsageSample } from '../api/contract/live-events';
import type { Usage } from '../interfaces/usage-interface';
import { replaceEqualDeep } from './structural-sharing';
import { isLater } from './timestamps';
import { updateTenant } from './tree';
import type { UserState } from './user-state';

/**
 * When the usage of each target was last sampled, as far as pushed samples told. The tree has no place for it
 * (a usage is not an entity: it has no `updatedAt`), so it is kept here, for one session. One entry per
 * sampled target: bounded by the targets the user sees, and forgotten when a target is deleted.
 */
export interface SampleClock {
  /** Whether `sample` is newer than the last one applied to its target; records it when it is. */
  admit(sample: UsageSample): boolean;
  /** Forgets the target of type `type` and id `id` (it was deleted). */
  forget(type: UsageSample['target']['type'], id: string): void;
  /** Forgets every target (a new session). */
  clear(): void;
}

export function createSampleClock(): SampleClock {
  const sampledAt = new Map<string, string>();
  return {
    admit({ target, sampledAt: at }) {
      const key = `${target.type}:${target.id}`;
      const last = sampledAt.get(key);
      if (last !== undefined && !isLater(at, last)) return false;
      sampledAt.set(key, at);
      return true;
    },
    forget(type, id) {
      sampledAt.delete(`${type}:${id}`);
    },
    clear() {
      sampledAt.clear();
    },
  };
}

function withUsage<T extends { id: string; usage: Usage }>(list: readonly T[], id: string, usage: Usage): T[] {
  const position = list.findIndex((item) => item.id === id);
  const item = list[position];
  if (item === undefined) return list as T[];
  const shared = replaceEqualDeep(item.usage, usage);
  if (shared === item.usage) return list as T[];
  return list.map((candidate, at) => (at === position ? { ...item, usage: shared } : candidate));
}

/** The state with the usage of an environment or account replaced by `sample`'s (services go through the draft). */
export function applyInfrastructureUsage(state: UserState, sample: UsageSample): UserState {
  const { type, id, tenant: tenantId } = sample.target;
  return updateTenant(state, tenantId, (tenant) => {
    if (type === 'environment') {
      const environments = withUsage(tenant.environments, id, sample.usage);
      return environments === tenant.environments ? tenant : { ...tenant, environments };
    }
    const accounts = withUsage(tenant.accounts, id, sample.usage);
    return accounts === tenant.accounts ? tenant : { ...tenant, accounts };
  });
}
