import type { InstanceStatus } from '../../../interfaces';
import { settleOperations } from '../operations';
import type { AccountRecord, ApiTokenRecord, EnvironmentRecord, ResourceRecord, ServiceRecord } from '../records';
import type { Store } from '../store';
import { accountView, environmentView, resourceView } from '../view-infra';
import { instanceView } from '../view-instance';
import { serviceView } from '../view-service';
import { tokenView } from '../view-user';
import { userProfileView } from '../view-user';
import { membershipsOf, MembershipWatch, type Memberships } from './membership-watch';
import { OperationWatch } from './operation-watch';
import { TableWatch, Watermark, type Publish, type TableChanges, type TenantAudience } from './table-watch';
import { UsageWatch, USAGE_INTERVAL_MS } from './usage-watch';

/**
 * Turns every change of the store into events on its journal, whoever made it: after each request and on the
 * stream hub's ticker. Handlers stay as they are: they stamp what they change with `store.timestamp()`, which
 * only grows, so a record stamped after the last scan changed; ids missing since the last scan were deleted.
 * A scan is one pass over each table (about 1 µs per record); a pass without table scan (`flush(false)`) only
 * looks at operations in flight and usage samples waiting for their second. Notifications are not watched:
 * their routes publish their own events.
 */
export class ChangeFeed {
  private watermark = '';
  private readonly memberships: MembershipWatch;
  private readonly operations: OperationWatch;
  private readonly usage: UsageWatch;
  private readonly accounts: TableWatch<AccountRecord>;
  private readonly environments: TableWatch<EnvironmentRecord>;
  private readonly resources: TableWatch<ResourceRecord>;
  private readonly services: TableWatch<ServiceRecord>;
  private readonly tokens: TableWatch<ApiTokenRecord>;
  private instances = new Map<string, Map<string, InstanceStatus>>();
  private lastLiveSample = 0;

  constructor(private readonly store: Store) {
    this.memberships = new MembershipWatch(store);
    this.operations = new OperationWatch(store);
    this.usage = new UsageWatch(store);
    this.accounts = new TableWatch({
      records: () => store.accounts,
      types: { created: 'account.created', updated: 'account.updated', deleted: 'account.deleted' },
      view: (record) => accountView(store, record),
    });
    this.environments = new TableWatch({
      records: () => store.environments,
      types: { created: 'environment.created', updated: 'environment.updated', deleted: 'environment.deleted' },
      view: (record) => environmentView(store, record),
    });
    this.resources = new TableWatch({
      records: () => store.resources,
      types: { created: 'resource.created', updated: 'resource.updated', deleted: 'resource.deleted' },
      view: resourceView,
    });
    this.services = new TableWatch({
      records: () => store.services,
      types: { created: 'service.created', updated: 'service.updated', deleted: 'service.deleted' },
      view: (record) => serviceView(store, record),
    });
    this.tokens = new TableWatch({
      records: () => store.tokens,
      types: { created: 'token.created', updated: 'token.updated', deleted: 'token.deleted' },
      view: tokenView,
      audience: (record) => [record.userId],
    });
    this.baseline();
  }

  /** Takes the store as it is as seen, publishing nothing: after seeding, a reset or loading saved data. */
  baseline(): void {
    this.watermark = latestStamp(this.store);
    this.memberships.baseline(membershipsOf(this.store));
    for (const watch of [this.accounts, this.environments, this.resources, this.services, this.tokens]) {
      watch.baseline();
    }
    this.instances = new Map();
    for (const service of this.store.services.values()) this.instances.set(service.id, statusesOf(service));
    this.operations.baseline();
    this.usage.baseline();
  }

  /**
   * Lets time pass (operations whose time is up take effect) and publishes what changed. `scanTables: false`
   * skips the pass over the tables unless an operation took effect: for reads, which change nothing else.
   */
  flush(scanTables = true): void {
    const { store } = this;
    settleOperations(store);
    const now = store.now();
    const publish: Publish = (event, audience) => void store.events.publish(event, audience);
    if (scanTables || this.operations.anySettled()) {
      const members = membershipsOf(store);
      this.scanTables(members, publish);
      this.operations.scan(now, audienceOf(members), publish);
      this.usage.scan(now, audienceOf(members), publish);
      this.memberships.scanDeletedOrganizations(publish);
      return;
    }
    const members = audienceOf(membershipsOf(store));
    this.operations.scan(now, members, publish);
    if (this.usage.waiting) this.usage.scan(now, members, publish);
  }

  /**
   * With live metrics, marks the services (and their environments and accounts) of `tenants` for a usage sample
   * once per second: their metrics drift with time. Only tenants someone streams are worth it.
   */
  sampleLiveMetrics(tenants: Iterable<string>): void {
    const now = this.store.now();
    if (this.store.liveMetricsAt() === undefined || now - this.lastLiveSample < USAGE_INTERVAL_MS) return;
    this.lastLiveSample = now;
    const wanted = new Set(tenants);
    for (const service of this.store.services.values()) {
      if (wanted.has(service.tenant) && service.instances.length > 0) this.touchService(service);
    }
  }

  private scanTables(members: Memberships, publish: Publish): void {
    const { store } = this;
    const watermark = new Watermark(this.watermark);
    const audience = audienceOf(members);
    for (const user of store.users.values()) {
      if (watermark.changed(user.updatedAt)) {
        publish({ type: 'user.updated', data: userProfileView(store, user) }, [user.id]);
        this.touchPlanOf(user.id);
      }
    }
    this.memberships.scan(watermark, members, publish);
    this.accounts.scan(watermark, audience, publish);
    const environments = this.environments.scan(watermark, audience, publish);
    for (const environment of [...environments.created, ...environments.updated]) this.touchEnvironment(environment);
    const resources = this.resources.scan(watermark, audience, publish);
    if (resources.updated.length > 0 || resources.deleted.length > 0) this.touchUsersOf(resources);
    const services = this.services.scan(watermark, audience, publish);
    this.scanInstances(services, audience, publish);
    this.tokens.scan(watermark, audience, publish);
    this.watermark = watermark.latest;
  }

  private scanInstances(services: TableChanges<ServiceRecord>, audience: TenantAudience, publish: Publish): void {
    for (const service of services.created) this.instances.set(service.id, statusesOf(service));
    for (const service of services.updated) {
      const before = this.instances.get(service.id);
      for (const instance of service.instances) {
        const status = before?.get(instance.id);
        if (status === undefined || status === instance.status) continue;
        const view = instanceView(service, instance, this.store.liveMetricsAt());
        const data = { tenant: service.tenant, service: service.id, role: instance.role, instance: view };
        publish({ type: 'instance.updated', data }, audience(service.tenant));
      }
      this.instances.set(service.id, statusesOf(service));
    }
    for (const service of [...services.created, ...services.updated]) this.touchService(service);
    for (const { id } of services.deleted) this.instances.delete(id);
    // A deleted service's environment lost its usage: every environment of its tenant is checked.
    for (const { tenant } of services.deleted) {
      for (const environment of this.store.environmentsOf(tenant)) this.touchEnvironment(environment);
    }
  }

  private touchService(service: ServiceRecord): void {
    this.usage.touch({ type: 'service', id: service.id, tenant: service.tenant });
    const environment = this.store.environments.get(service.spec.environment);
    if (environment !== undefined) this.touchEnvironment(environment);
  }

  private touchEnvironment(environment: EnvironmentRecord): void {
    this.usage.touch({ type: 'environment', id: environment.id, tenant: environment.tenant });
    this.usage.touch({ type: 'account', id: environment.account, tenant: environment.tenant });
  }

  /** Environments without limits of their own follow their owner's plan. */
  private touchPlanOf(userId: string): void {
    for (const environment of this.store.environments.values()) {
      if (environment.limits === undefined && this.store.ownerOf(environment.tenant) === userId) {
        this.touchEnvironment(environment);
      }
    }
  }

  /** Volumes count in the storage of the services that use them. */
  private touchUsersOf(resources: TableChanges<ResourceRecord>): void {
    const ids = new Set([...resources.updated, ...resources.deleted].map((resource) => resource.id));
    for (const service of this.store.services.values()) {
      if (service.spec.resources.some((id) => ids.has(id))) this.touchService(service);
    }
  }
}

function statusesOf(service: ServiceRecord): Map<string, InstanceStatus> {
  return new Map(service.instances.map((instance) => [instance.id, instance.status]));
}

const audienceOf =
  (members: Memberships): TenantAudience =>
  (tenantId) =>
    members.get(tenantId)?.keys() ?? [];

/** The latest `updatedAt` of the watched tables. */
function latestStamp(store: Store): string {
  let latest = '';
  const tables = [store.users, store.organizations, store.tenants, store.accounts, store.environments];
  for (const table of [...tables, store.resources, store.services, store.tokens]) {
    for (const record of table.values()) if (record.updatedAt > latest) latest = record.updatedAt;
  }
  return latest;
}
