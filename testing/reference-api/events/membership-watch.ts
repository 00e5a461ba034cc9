import type { TenantRole } from '../../../interfaces';
import type { MembershipRecord } from '../records';
import type { Store } from '../store';
import { memberView, organizationView, tenantView } from '../view-user';
import { tenantHeaderView } from '../view-user';
import type { Publish, Watermark } from './table-watch';

/** Members of each tenant and their roles, by tenant id. */
export type Memberships = ReadonlyMap<string, ReadonlyMap<string, TenantRole>>;

/** The members of every tenant as the store holds them now. */
export function membershipsOf(store: Store): Map<string, Map<string, TenantRole>> {
  const byTenant = new Map<string, Map<string, TenantRole>>();
  for (const tenantId of store.tenants.keys()) byTenant.set(tenantId, new Map());
  for (const membership of store.memberships)
    byTenant.get(membership.tenantId)?.set(membership.userId, membership.role);
  return byTenant;
}

interface KnownOrganization {
  users: readonly string[];
  tenants: string;
}

/**
 * Tenants, their members and organizations as the feed saw them last. A user who joins a tenant gets
 * `tenant.created` with the whole tenant, one who leaves it gets `tenant.deleted`; the members hear
 * `member.*`; `tenant.updated` carries each member's own role. Organizations likewise by `usersIds`.
 */
export class MembershipWatch {
  private members: Memberships = new Map();
  private organizations = new Map<string, KnownOrganization>();

  constructor(private readonly store: Store) {}

  baseline(members: Memberships): void {
    this.members = members;
    this.organizations = new Map();
    for (const organization of this.store.organizations.values()) {
      this.organizations.set(organization.id, this.knownOrganization(organization.id, organization.usersIds));
    }
  }

  /** Publishes organizations created or changed and every tenant and membership change. */
  scan(watermark: Watermark, members: Memberships, publish: Publish): void {
    const touched = new Set<string>();
    this.scanTenants(watermark, members, publish, touched);
    this.scanOrganizations(watermark, publish, touched);
    this.members = members;
  }

  /** Publishes `organization.deleted` for the organizations gone since the last scan (after their tenants). */
  scanDeletedOrganizations(publish: Publish): void {
    for (const [id, known] of this.organizations) {
      if (this.store.organizations.has(id)) continue;
      this.organizations.delete(id);
      publish({ type: 'organization.deleted', data: { id } }, known.users);
    }
  }

  private scanTenants(watermark: Watermark, members: Memberships, publish: Publish, touched: Set<string>): void {
    const { store } = this;
    for (const tenant of store.tenants.values()) {
      const now = members.get(tenant.id) ?? new Map<string, TenantRole>();
      const before = this.members.get(tenant.id);
      if (before === undefined) touched.add(tenant.organizationId);
      const joined = [...now].filter(([userId]) => !before?.has(userId));
      for (const [userId, role] of joined) {
        publish({ type: 'tenant.created', data: tenantView(store, tenant, role) }, [userId]);
      }
      if (before === undefined) continue;
      const audience = [...now.keys()];
      for (const [userId, role] of joined) {
        publish({ type: 'member.created', data: memberView(store, { tenantId: tenant.id, userId, role }) }, audience);
      }
      for (const [userId, role] of before) {
        const current = now.get(userId);
        const membership: MembershipRecord = { tenantId: tenant.id, userId, role: current ?? role };
        if (current === undefined) {
          publish({ type: 'tenant.deleted', data: { id: tenant.id } }, [userId]);
          publish({ type: 'member.deleted', data: memberView(store, membership) }, audience);
        } else if (current !== role) {
          publish({ type: 'member.updated', data: memberView(store, membership) }, audience);
        }
      }
      if (!watermark.changed(tenant.updatedAt)) continue;
      // Each member sees the tenant with their own role; those who just joined got all of it already.
      const byRole = new Map<TenantRole, string[]>();
      for (const [userId, role] of now) {
        if (before.has(userId)) byRole.set(role, [...(byRole.get(role) ?? []), userId]);
      }
      for (const [role, users] of byRole) {
        publish({ type: 'tenant.updated', data: tenantHeaderView(tenant, role, now.size) }, users);
      }
    }
    for (const [tenantId, before] of this.members) {
      if (store.tenants.has(tenantId)) continue;
      publish({ type: 'tenant.deleted', data: { id: tenantId } }, before.keys());
      for (const organization of this.organizations.keys()) touched.add(organization);
    }
  }

  private scanOrganizations(watermark: Watermark, publish: Publish, touched: ReadonlySet<string>): void {
    for (const organization of this.store.organizations.values()) {
      const known = this.organizations.get(organization.id);
      const stamped = watermark.changed(organization.updatedAt);
      if (known !== undefined && !stamped && !touched.has(organization.id)) continue;
      const next = this.knownOrganization(organization.id, organization.usersIds);
      // Its `tenantsIds` change with the tenants in it, which leave its `updatedAt` alone.
      if (known !== undefined && !stamped && next.tenants === known.tenants) continue;
      this.organizations.set(organization.id, next);
      const view = organizationView(this.store, organization);
      const before = new Set(known?.users ?? []);
      const joined = organization.usersIds.filter((userId) => !before.has(userId));
      const stayed = organization.usersIds.filter((userId) => before.has(userId));
      const left = (known?.users ?? []).filter((userId) => !organization.usersIds.includes(userId));
      publish({ type: 'organization.created', data: view }, joined);
      publish({ type: 'organization.updated', data: view }, stayed);
      publish({ type: 'organization.deleted', data: { id: organization.id } }, left);
    }
  }

  private knownOrganization(organizationId: string, users: readonly string[]): KnownOrganization {
    const tenants = this.store
      .tenantsOfOrganization(organizationId)
      .map((tenant) => tenant.id)
      .join(',');
    return { users: [...users], tenants };
  }
}
