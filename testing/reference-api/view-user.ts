import type { TenantHeader, UserProfile } from '../../api/contract/live-events';
import type { TenantMember } from '../../api/contract/tenant-routes';
import type { Invoice, Organization, Tenant, TenantRole, Token, User } from '../../interfaces';
import type {
  ApiTokenRecord,
  InvoiceRecord,
  MembershipRecord,
  OrganizationRecord,
  TenantRecord,
  UserRecord,
} from './records';
import type { Store } from './store';
import { accountView, environmentView, marketplaceItemView, resourceView } from './view-infra';
import { serviceView } from './view-service';

export const invoiceTotal = (invoice: InvoiceRecord): number =>
  Math.round(invoice.lines.reduce((sum, line) => sum + line.amount, 0) * 100) / 100;

export function invoiceView(store: Store, invoice: InvoiceRecord): Invoice {
  return {
    id: invoice.id,
    name: invoice.name,
    customer: invoice.customer,
    customerCIF: invoice.customerCIF,
    cost: invoiceTotal(invoice),
    date: invoice.date,
    invoiceFile: `${store.options.baseUrl}/organizations/${invoice.organizationId}/invoices/${invoice.id}/file`,
  };
}

export function organizationView(store: Store, organization: OrganizationRecord): Organization {
  return {
    id: organization.id,
    name: organization.name,
    usersIds: [...organization.usersIds],
    tenantsIds: store.tenantsOfOrganization(organization.id).map((tenant) => tenant.id),
    billingInformation: { ...organization.billingInformation },
    invoices: store.invoicesOf(organization.id).map((invoice) => invoiceView(store, invoice)),
    status: organization.status,
    createdAt: organization.createdAt,
    updatedAt: organization.updatedAt,
  };
}

/** The tenant as `role` sees it, with everything it holds. */
export function tenantView(store: Store, tenant: TenantRecord, role: TenantRole): Tenant {
  return {
    ...tenantHeaderView(tenant, role, store.membersOf(tenant.id).length),
    services: store.servicesOf(tenant.id).map((service) => serviceView(store, service)),
    accounts: store.accountsOf(tenant.id).map((account) => accountView(store, account)),
    environments: store.environmentsOf(tenant.id).map((environment) => environmentView(store, environment)),
    marketplaceItems: store.marketplaceOf(tenant.id).map((item) => marketplaceItemView(store, item)),
    resources: store.resourcesOf(tenant.id).map(resourceView),
  };
}

/** Token metadata: never its secret. */
export function tokenView(token: ApiTokenRecord): Token {
  return {
    id: token.id,
    name: token.name,
    tenant: token.tenant,
    description: token.description,
    lastUsed: token.lastUsed,
    expiration: token.expiration,
    createdAt: token.createdAt,
    updatedAt: token.updatedAt,
  };
}

export function memberView(store: Store, membership: MembershipRecord): TenantMember {
  return {
    tenant: membership.tenantId,
    userId: membership.userId,
    email: store.users.get(membership.userId)?.email ?? 'unknown@invalid.example',
    role: membership.role,
  };
}

/** The signed-in user and the whole tree they can see: never their password. */
export function userView(store: Store, user: UserRecord): User {
  return {
    ...userProfileView(store, user),
    organizations: [...store.organizations.values()]
      .filter((organization) => organization.usersIds.includes(user.id))
      .map((organization) => organizationView(store, organization)),
    tokens: [...store.tokens.values()].filter((token) => token.userId === user.id).map(tokenView),
    tenants: store.memberships.flatMap((membership) => {
      const tenant = store.tenants.get(membership.tenantId);
      return membership.userId === user.id && tenant !== undefined ? [tenantView(store, tenant, membership.role)] : [];
    }),
  };
}

// The parts of `userView` and `tenantView` that pushed events carry (`user.updated`, `tenant.updated`): one home,
// so that a pushed profile or tenant header is always what GET answers.

/** The signed-in user's own fields, as `GET /users/me` answers them, without the tree. */
export function userProfileView(store: Store, user: UserRecord): UserProfile {
  return {
    id: user.id,
    name: user.name,
    surname: user.surname,
    email: user.email,
    notificationsEnabled: user.notificationsEnabled,
    axebowPlan: user.axebowPlan,
    companyName: user.companyName,
    role: user.role,
    unreadNotifications: store.unreadNotificationsOf(user.id),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** The tenant's own fields as `role` sees them, without the collections it holds. */
export function tenantHeaderView(tenant: TenantRecord, role: TenantRole, members: number): TenantHeader {
  return {
    id: tenant.id,
    name: tenant.name,
    organizationsIds: [tenant.organizationId],
    role,
    status: tenant.status,
    users: members,
    createdAt: tenant.createdAt,
    updatedAt: tenant.updatedAt,
  };
}
