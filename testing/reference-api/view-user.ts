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
    id: tenant.id,
    name: tenant.name,
    organizationsIds: [tenant.organizationId],
    services: store.servicesOf(tenant.id).map((service) => serviceView(store, service)),
    accounts: store.accountsOf(tenant.id).map((account) => accountView(store, account)),
    environments: store.environmentsOf(tenant.id).map((environment) => environmentView(store, environment)),
    marketplaceItems: store.marketplaceOf(tenant.id).map((item) => marketplaceItemView(store, item)),
    resources: store.resourcesOf(tenant.id).map(resourceView),
    role,
    status: tenant.status,
    users: store.membersOf(tenant.id).length,
    createdAt: tenant.createdAt,
    updatedAt: tenant.updatedAt,
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
    id: user.id,
    name: user.name,
    surname: user.surname,
    email: user.email,
    notificationsEnabled: user.notificationsEnabled,
    organizations: [...store.organizations.values()]
      .filter((organization) => organization.usersIds.includes(user.id))
      .map((organization) => organizationView(store, organization)),
    tokens: [...store.tokens.values()].filter((token) => token.userId === user.id).map(tokenView),
    tenants: store.memberships.flatMap((membership) => {
      const tenant = store.tenants.get(membership.tenantId);
      return membership.userId === user.id && tenant !== undefined ? [tenantView(store, tenant, membership.role)] : [];
    }),
    axebowPlan: user.axebowPlan,
    companyName: user.companyName,
    role: user.role,
    unreadNotifications: store.unreadNotificationsOf(user.id),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
