import type { UsageSample } from '../../../api/contract/live-events';
import type { Usage } from '../../../interfaces';
import type { Store } from '../store';
import { serviceUsage } from '../usage';
import { accountView, environmentView } from '../view-infra';
import type { Publish, TenantAudience } from './table-watch';

/** A target's usage is pushed at most this often; a change within the interval waits for its end. */
export const USAGE_INTERVAL_MS = 1_000;

export type UsageTarget = UsageSample['target'];

interface Sampled {
  usage: string;
  sentAt: number;
}

const keyOf = (target: UsageTarget): string => `${target.type}:${target.id}`;

/**
 * `usage.sampled` for the services, environments and accounts whose usage may have changed (the feed names
 * them), when it did, at most once per target per second. A target whose usage was never sent is sent.
 */
export class UsageWatch {
  private sampled = new Map<string, Sampled>();
  private pending = new Map<string, UsageTarget>();

  constructor(private readonly store: Store) {}

  baseline(): void {
    this.sampled = new Map();
    this.pending = new Map();
  }

  /** Marks `target` for a sample at the next pass its interval allows. */
  touch(target: UsageTarget): void {
    this.pending.set(keyOf(target), target);
  }

  /** Whether samples wait for their interval to end. */
  get waiting(): boolean {
    return this.pending.size > 0;
  }

  /** Publishes the usage of every touched target whose interval is over, if it changed. */
  scan(now: number, members: TenantAudience, publish: Publish): void {
    for (const [key, target] of this.pending) {
      const last = this.sampled.get(key);
      if (last !== undefined && now - last.sentAt < USAGE_INTERVAL_MS) continue;
      this.pending.delete(key);
      const usage = this.usageOf(target);
      if (usage === undefined) {
        this.sampled.delete(key);
        continue;
      }
      const json = JSON.stringify(usage);
      if (json === last?.usage) continue;
      this.sampled.set(key, { usage: json, sentAt: now });
      const data: UsageSample = { target, usage, sampledAt: new Date(now).toISOString() };
      publish({ type: 'usage.sampled', data }, members(target.tenant));
    }
  }

  private usageOf(target: UsageTarget): Usage | undefined {
    const { store } = this;
    if (target.type === 'service') {
      const service = store.services.get(target.id);
      return service === undefined ? undefined : serviceUsage(store, service);
    }
    if (target.type === 'environment') {
      const environment = store.environments.get(target.id);
      return environment === undefined ? undefined : environmentView(store, environment).usage;
    }
    const account = store.accounts.get(target.id);
    return account === undefined ? undefined : accountView(store, account).usage;
  }
}
