import type { tenantRoutes } from '../../../api/contract/tenant-routes';
import { tenantAccess } from '../access';
import { stockMarketplace } from '../catalog';
import { conflict, invalid, notFound } from '../errors';
import { tenantMembershipChanged } from '../notification-drafts';
import { notify } from '../notifications';
import type { MembershipRecord, TenantRecord } from '../records';
import type { Store } from '../store';
import { memberView, tenantView } from '../view-user';
import type { Handlers } from './types';

function ensureUniqueName(store: Store, organizationId: string, name: string, except?: string): void {
  const taken = store.tenantsOfOrganization(organizationId).some((item) => item.name === name && item.id !== except);
  if (taken) throw conflict(`Organization ${organizationId} already has a tenant named ${name}`, 'name_taken');
}

const ONE_OWNER = 'a tenant has exactly one owner; give admin, member or viewer';

function membership(store: Store, tenant: TenantRecord, userId: string): MembershipRecord {
  const found = store.memberships.find((item) => item.tenantId === tenant.id && item.userId === userId);
  if (found === undefined) throw notFound(`Member ${userId} of tenant ${tenant.name}`);
  if (found.role === 'owner') {
    throw conflict(
      `The owner of tenant ${tenant.name} cannot be removed or given another role; delete the tenant instead`,
      'owner_required',
    );
  }
  return found;
}

/** Removes a tenant and everything it holds (it runs no services by then). */
function dropTenant(store: Store, tenantId: string): void {
  for (const table of [store.accounts, store.environments, store.resources, store.marketplaceItems, store.tokens]) {
    for (const [id, record] of table) if (record.tenant === tenantId) table.delete(id);
  }
  store.removeLinks((link) => link.tenant === tenantId);
  store.removeMembers((item) => item.tenantId === tenantId);
  store.tenants.delete(tenantId);
}

/** Tenants and their members: owner renames and deletes; admins manage members. */
export const tenantHandlers = {
  createTenant: ({ store, user }, { body }) => {
    const organization = store.organizations.get(body.organizationId);
    if (organization === undefined || !organization.usersIds.includes(user.id)) {
      throw invalid('organizationId', 'you are not a member of this organization', 'The tenant was not created');
    }
    ensureUniqueName(store, organization.id, body.name);
    const now = store.timestamp();
    const tenant: TenantRecord = {
      id: store.nextId('ten'),
      name: body.name,
      organizationId: organization.id,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    store.tenants.set(tenant.id, tenant);
    store.addMember(tenant.id, user.id, 'owner');
    stockMarketplace(store, tenant.id);
    return tenantView(store, tenant, 'owner');
  },

  updateTenant: ({ store, user }, { params, body }) => {
    const { tenant, role } = tenantAccess(store, user, params.tenantId, 'owner', 'rename the tenant');
    ensureUniqueName(store, tenant.organizationId, body.name, tenant.id);
    tenant.name = body.name;
    tenant.updatedAt = store.timestamp();
    return tenantView(store, tenant, role);
  },

  deleteTenant: ({ store, user }, { params }) => {
    const { tenant } = tenantAccess(store, user, params.tenantId, 'owner', 'delete the tenant');
    const services = store.servicesOf(tenant.id);
    if (services.length > 0) {
      throw conflict(
        `Tenant ${tenant.name} still runs services (${services.map((service) => service.spec.name).join(', ')}); delete them first`,
        'has_dependants',
      );
    }
    dropTenant(store, tenant.id);
    return undefined;
  },

  inviteTenantUser: ({ store, user }, { params, body }) => {
    const { tenant } = tenantAccess(store, user, params.tenantId, 'admin', 'invite users');
    if (body.role === 'owner') throw invalid('role', ONE_OWNER, 'The user was not invited');
    const invited = store.userByEmail(body.email);
    if (invited === undefined) throw invalid('email', 'no registered user has this email', 'The user was not invited');
    if (store.roleOf(invited.id, tenant.id) !== undefined) {
      throw conflict(`${invited.email} is already a member of tenant ${tenant.name}`, 'already_member');
    }
    const added = store.addMember(tenant.id, invited.id, body.role);
    // The tenant's member count (and each member's view of it) changed.
    tenant.updatedAt = store.timestamp();
    notify(store, [invited.id], tenantMembershipChanged(tenant, { type: 'added', role: body.role }));
    return memberView(store, added);
  },

  removeTenantUser: ({ store, user }, { params }) => {
    // Anyone but the owner may leave; removing someone else needs admin.
    const leaving = params.userId === user.id;
    const { tenant } = tenantAccess(store, user, params.tenantId, leaving ? 'viewer' : 'admin', 'remove users');
    const found = membership(store, tenant, params.userId);
    store.removeMembers((item) => item === found);
    tenant.updatedAt = store.timestamp();
    // Who leaves on their own needs no telling.
    if (!leaving) notify(store, [found.userId], tenantMembershipChanged(tenant, { type: 'removed' }));
    return undefined;
  },

  changeTenantUserRole: ({ store, user }, { params, body }) => {
    const { tenant } = tenantAccess(store, user, params.tenantId, 'admin', 'change roles');
    if (body.role === 'owner') throw invalid('role', ONE_OWNER, 'The role was not changed');
    const found = membership(store, tenant, params.userId);
    const changed = found.role !== body.role && found.userId !== user.id;
    found.role = body.role;
    tenant.updatedAt = store.timestamp();
    if (changed) notify(store, [found.userId], tenantMembershipChanged(tenant, { type: 'role', role: body.role }));
    return memberView(store, found);
  },
} satisfies Handlers<keyof typeof tenantRoutes>;
