import type { TenantRole } from '../../interfaces';
import type {
  AccountRecord,
  ApiTokenRecord,
  EnvironmentRecord,
  InvoiceRecord,
  LinkRecord,
  MarketplaceItemRecord,
  MembershipRecord,
  NotificationRecord,
  OperationRecord,
  OrganizationRecord,
  RefreshTokenRecord,
  ResourceRecord,
  RevisionRecord,
  ServiceRecord,
  SessionRecord,
  TenantRecord,
  UserRecord,
} from './records';
import { EventJournal } from './events/event-journal';
import { IdempotencyKeys } from './idempotency';

const SNAPSHOT_VERSION = 1;

/** The store as plain JSON: what `startReferenceServer({ dataFile })` saves between runs. */
export interface StoreSnapshot {
  version: number;
  tables: Record<string, unknown[]>;
  memberships: unknown[];
  links: unknown[];
  counters: Array<[string, number]>;
}

/** How a store behaves; fixed for its lifetime. */
export interface StoreOptions {
  /** The API base URL, used in links the API hands out (invoice files). */
  baseUrl: string;
  /** How long a long-running operation takes; 0 finishes it at once. */
  operationDurationMs: number;
  /** How long an access token from `login` or `refreshSession` stays valid. */
  accessTokenTtlMs: number;
  /** How long a refresh token stays valid (each refresh issues a new one). */
  refreshTokenTtlMs: number;
  /** Whether container metrics drift with time (a live demo) instead of staying steady (tests). */
  liveMetrics: boolean;
}

/**
 * The in-memory state of the reference API: one table per entity, in creation order, and a deterministic
 * id counter per prefix (`svc-1`, `svc-2`, ...). Domain rules live in the handlers, not here.
 */
export class Store {
  readonly options: StoreOptions;
  readonly users = new Map<string, UserRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  /** Refresh tokens by value, used ones included until their family ends: presenting one again is theft. */
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  /** The answers of requests with an `Idempotency-Key`, replayed to their retries. */
  readonly idempotency = new IdempotencyKeys(() => this.now());
  /** Every change pushed to the live streams (`GET /events`), kept for replay. */
  readonly events = new EventJournal();
  readonly tokens = new Map<string, ApiTokenRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly invoices = new Map<string, InvoiceRecord>();
  readonly tenants = new Map<string, TenantRecord>();
  readonly memberships: MembershipRecord[] = [];
  readonly accounts = new Map<string, AccountRecord>();
  readonly environments = new Map<string, EnvironmentRecord>();
  readonly services = new Map<string, ServiceRecord>();
  readonly revisions = new Map<string, RevisionRecord>();
  readonly resources = new Map<string, ResourceRecord>();
  readonly marketplaceItems = new Map<string, MarketplaceItemRecord>();
  readonly links: LinkRecord[] = [];
  readonly operations = new Map<string, OperationRecord>();
  readonly notifications = new Map<string, NotificationRecord>();
  private readonly counters = new Map<string, number>();
  private frozenAt: number | undefined;
  // The latest time `timestamp()` handed out: versions never go backwards, even within one ms.
  private lastStamp = Number.NEGATIVE_INFINITY;

  constructor(options: StoreOptions) {
    this.options = options;
  }

  /** The next id with `prefix`: `svc-1`, `svc-2`, ... Deterministic per store. */
  nextId(prefix: string): string {
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return `${prefix}-${next}`;
  }

  /** The current time in ms: `Date.now()` (so jest's fake clock drives it), unless {@link at} froze it. */
  now(): number {
    return this.frozenAt ?? Date.now();
  }

  /** The time container metrics are computed at, when they drift; `undefined` keeps them steady. */
  liveMetricsAt(): number | undefined {
    return this.options.liveMetrics ? this.now() : undefined;
  }

  /**
   * The current time as an ISO timestamp, strictly later than every one this store handed out before (a
   * logical clock: one ms later when the clock has not moved or went back), so that `updatedAt` is a version
   * that only grows. Inside {@link at} it is the frozen time itself: the seed dates what it creates.
   */
  timestamp(): string {
    if (this.frozenAt !== undefined) {
      this.lastStamp = Math.max(this.lastStamp, this.frozenAt);
      return new Date(this.frozenAt).toISOString();
    }
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  /** Runs `work` with the clock stopped at `time`: the seed uses it to date what it creates. */
  at<T>(time: number, work: () => T): T {
    const previous = this.frozenAt;
    this.frozenAt = time;
    try {
      return work();
    } finally {
      this.frozenAt = previous;
    }
  }

  /** Empties every table and restarts the id counters. */
  clear(): void {
    for (const table of Object.values(this.tables())) table.clear();
    this.sessions.clear();
    this.refreshTokens.clear();
    this.idempotency.clear();
    this.events.clear();
    this.counters.clear();
    this.memberships.length = 0;
    this.links.length = 0;
  }

  /** Every record as plain JSON, to save the store to a file. */
  snapshot(): StoreSnapshot {
    const tables: Record<string, unknown[]> = {};
    for (const [name, table] of Object.entries(this.tables())) tables[name] = [...table.values()];
    return {
      version: SNAPSHOT_VERSION,
      tables,
      memberships: [...this.memberships],
      links: [...this.links],
      counters: [...this.counters],
    };
  }

  /** Replaces every record with those of `snapshot` (from {@link Store.snapshot}). */
  restore(snapshot: StoreSnapshot): void {
    if (snapshot.version !== SNAPSHOT_VERSION) {
      throw new Error(
        `Saved data has version ${String(snapshot.version)}, expected ${SNAPSHOT_VERSION}; start with --reset`,
      );
    }
    this.clear();
    for (const [name, table] of Object.entries(this.tables())) {
      for (const record of snapshot.tables[name] ?? []) {
        (table as Map<string, unknown>).set((record as { id: string }).id, record);
      }
    }
    this.memberships.push(...(snapshot.memberships as MembershipRecord[]));
    this.links.push(...(snapshot.links as LinkRecord[]));
    for (const [prefix, value] of snapshot.counters) this.counters.set(prefix, value);
    for (const table of Object.values(this.tables())) {
      for (const record of table.values()) {
        const updatedAt = Date.parse((record as { updatedAt?: string }).updatedAt ?? '');
        if (updatedAt > this.lastStamp) this.lastStamp = updatedAt;
      }
    }
  }

  // Sessions and refresh tokens are left out on purpose: they are never written to disk, so a restart signs
  // everyone out.
  private tables(): Record<string, Map<string, { id: string }>> {
    return {
      users: this.users,
      tokens: this.tokens,
      organizations: this.organizations,
      invoices: this.invoices,
      tenants: this.tenants,
      accounts: this.accounts,
      environments: this.environments,
      services: this.services,
      revisions: this.revisions,
      resources: this.resources,
      marketplaceItems: this.marketplaceItems,
      operations: this.operations,
      notifications: this.notifications,
    };
  }

  /** How many notifications of `userId` are `unread`. */
  unreadNotificationsOf(userId: string): number {
    let unread = 0;
    for (const notification of this.notifications.values()) {
      if (notification.userId === userId && notification.status === 'unread') unread++;
    }
    return unread;
  }

  userByEmail(email: string): UserRecord | undefined {
    const wanted = email.toLowerCase();
    return [...this.users.values()].find((user) => user.email.toLowerCase() === wanted);
  }

  /** The role of `userId` in `tenantId`, or undefined when they are not a member. */
  roleOf(userId: string, tenantId: string): TenantRole | undefined {
    return this.memberships.find((item) => item.tenantId === tenantId && item.userId === userId)?.role;
  }

  membersOf(tenantId: string): MembershipRecord[] {
    return this.memberships.filter((item) => item.tenantId === tenantId);
  }

  /** The id of the tenant's owner (every tenant has exactly one). */
  ownerOf(tenantId: string): string | undefined {
    return this.memberships.find((item) => item.tenantId === tenantId && item.role === 'owner')?.userId;
  }

  addMember(tenantId: string, userId: string, role: TenantRole): MembershipRecord {
    const membership: MembershipRecord = { tenantId, userId, role };
    this.memberships.push(membership);
    return membership;
  }

  removeMembers(predicate: (membership: MembershipRecord) => boolean): void {
    removeWhere(this.memberships, predicate);
  }

  removeLinks(predicate: (link: LinkRecord) => boolean): void {
    removeWhere(this.links, predicate);
  }

  accountsOf(tenantId: string): AccountRecord[] {
    return [...this.accounts.values()].filter((item) => item.tenant === tenantId);
  }

  environmentsOf(tenantId: string): EnvironmentRecord[] {
    return [...this.environments.values()].filter((item) => item.tenant === tenantId);
  }

  servicesOf(tenantId: string): ServiceRecord[] {
    return [...this.services.values()].filter((item) => item.tenant === tenantId);
  }

  resourcesOf(tenantId: string): ResourceRecord[] {
    return [...this.resources.values()].filter((item) => item.tenant === tenantId);
  }

  marketplaceOf(tenantId: string): MarketplaceItemRecord[] {
    return [...this.marketplaceItems.values()].filter((item) => item.tenant === tenantId);
  }

  linksOf(tenantId: string): LinkRecord[] {
    return this.links.filter((link) => link.tenant === tenantId);
  }

  invoicesOf(organizationId: string): InvoiceRecord[] {
    return [...this.invoices.values()].filter((item) => item.organizationId === organizationId);
  }

  tenantsOfOrganization(organizationId: string): TenantRecord[] {
    return [...this.tenants.values()].filter((item) => item.organizationId === organizationId);
  }
}

function removeWhere<T>(items: T[], predicate: (item: T) => boolean): void {
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (item !== undefined && predicate(item)) items.splice(index, 1);
  }
}
