import type { TenantRole } from '../../interfaces';
import type {
  AccountRecord,
  ApiTokenRecord,
  EnvironmentRecord,
  InvoiceRecord,
  LinkRecord,
  MarketplaceItemRecord,
  MembershipRecord,
  OperationRecord,
  OrganizationRecord,
  ResourceRecord,
  RevisionRecord,
  ServiceRecord,
  SessionRecord,
  TenantRecord,
  UserRecord,
} from './records';

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
  /** How long an access token from `login` stays valid. */
  sessionTtlMs: number;
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
  private readonly counters = new Map<string, number>();
  private frozenAt: number | undefined;

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

  /** The current time as an ISO timestamp. */
  timestamp(): string {
    return new Date(this.now()).toISOString();
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
  }

  // Sessions are left out on purpose: access tokens are never written to disk, so a restart signs everyone out.
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
    };
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
