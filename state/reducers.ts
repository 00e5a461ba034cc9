import type { Operation } from '../interfaces/operation-interface';
import { TokenSchema } from '../interfaces/token-interface';
import type { User } from '../interfaces/user-interface';
import { removeById, updateTenant, upsertById } from './tree';
import type { Reducers, UserState } from './user-state';

const replaceUser = (_state: UserState, user: User): UserState => user;

// While a long-running operation runs, its service shows it; the follower refreshes it when it ends.
function markService(state: UserState, operation: Operation): UserState {
  const { tenant: tenantId, id, type } = operation.target;
  if (type !== 'service') return state;
  const status = operation.kind === 'deleteService' ? 'deleting' : 'deploying';
  return updateTenant(state, tenantId, (tenant) => ({
    ...tenant,
    services: tenant.services.map((service) => (service.id === id ? { ...service, status } : service)),
  }));
}
const signedOut = (): UserState => null;

function updateUser(state: UserState, update: (user: User) => User): UserState {
  return state === null ? state : update(state);
}

/** How each operation's success changes the user state tree. Lists that may be filtered or paged only upsert. */
export const reducers: Reducers = {
  login: replaceUser,
  loadUser: replaceUser,
  updateUser: replaceUser,
  changePlan: replaceUser,
  logout: signedOut,
  deleteUser: signedOut,

  // The secret value of a new token is in the success payload once; the state keeps the token without it.
  createToken: (state, token) =>
    updateUser(state, (user) => ({ ...user, tokens: upsertById(user.tokens, TokenSchema.parse(token)) })),
  deleteToken: (state, _result, { tokenId }) =>
    updateUser(state, (user) => ({ ...user, tokens: removeById(user.tokens, tokenId) })),

  createOrganization: (state, organization) =>
    updateUser(state, (user) => ({ ...user, organizations: upsertById(user.organizations, organization) })),
  updateOrganization: (state, organization) =>
    updateUser(state, (user) => ({ ...user, organizations: upsertById(user.organizations, organization) })),
  updateBillingInformation: (state, organization) =>
    updateUser(state, (user) => ({ ...user, organizations: upsertById(user.organizations, organization) })),
  addOrganizationMember: (state, organization) =>
    updateUser(state, (user) => ({ ...user, organizations: upsertById(user.organizations, organization) })),
  removeOrganizationMember: (state, organization) =>
    updateUser(state, (user) => ({ ...user, organizations: upsertById(user.organizations, organization) })),
  deleteOrganization: (state, { organizationId }) =>
    updateUser(state, (user) => ({ ...user, organizations: removeById(user.organizations, organizationId) })),

  createTenant: (state, tenant) =>
    updateUser(state, (user) => ({ ...user, tenants: upsertById(user.tenants, tenant) })),
  updateTenant: (state, tenant) =>
    updateUser(state, (user) => ({ ...user, tenants: upsertById(user.tenants, tenant) })),
  deleteTenant: (state, { tenantId }) =>
    updateUser(state, (user) => ({ ...user, tenants: removeById(user.tenants, tenantId) })),
  inviteTenantUser: (state, member) =>
    updateTenant(state, member.tenant, (tenant) => ({ ...tenant, users: tenant.users + 1 })),
  removeTenantUser: (state, { tenantId, userId }) =>
    state?.id === userId
      ? updateUser(state, (user) => ({ ...user, tenants: removeById(user.tenants, tenantId) }))
      : updateTenant(state, tenantId, (tenant) => ({ ...tenant, users: Math.max(0, tenant.users - 1) })),
  changeTenantUserRole: (state, member) =>
    state?.id === member.userId
      ? updateTenant(state, member.tenant, (tenant) => ({ ...tenant, role: member.role }))
      : state,

  createAccount: (state, account) =>
    updateTenant(state, account.tenant, (tenant) => ({ ...tenant, accounts: upsertById(tenant.accounts, account) })),
  updateAccount: (state, account) =>
    updateTenant(state, account.tenant, (tenant) => ({ ...tenant, accounts: upsertById(tenant.accounts, account) })),
  deleteAccount: (state, { tenantId, accountId }) =>
    updateTenant(state, tenantId, (tenant) => ({ ...tenant, accounts: removeById(tenant.accounts, accountId) })),

  createEnvironment: (state, environment) =>
    updateTenant(state, environment.tenant, (tenant) => ({
      ...tenant,
      environments: upsertById(tenant.environments, environment),
    })),
  updateEnvironment: (state, environment) =>
    updateTenant(state, environment.tenant, (tenant) => ({
      ...tenant,
      environments: upsertById(tenant.environments, environment),
    })),
  deleteEnvironment: (state, { tenantId, environmentId }) =>
    updateTenant(state, tenantId, (tenant) => ({
      ...tenant,
      environments: removeById(tenant.environments, environmentId),
    })),

  createResource: (state, resource) =>
    updateTenant(state, resource.tenant, (tenant) => ({
      ...tenant,
      resources: upsertById(tenant.resources, resource),
    })),
  updateResource: (state, resource) =>
    updateTenant(state, resource.tenant, (tenant) => ({
      ...tenant,
      resources: upsertById(tenant.resources, resource),
    })),
  deleteResource: (state, { tenantId, resourceId }) =>
    updateTenant(state, tenantId, (tenant) => ({ ...tenant, resources: removeById(tenant.resources, resourceId) })),

  listServices: (state, page, { tenantId }) =>
    updateTenant(state, tenantId, (tenant) => ({
      ...tenant,
      services: page.items.reduce(upsertById, tenant.services),
    })),
  updateService: markService,
  scaleService: markService,
  restartService: markService,
  rollbackService: markService,
  deleteService: markService,
  loadMarketplace: (state, page, { tenantId }) =>
    updateTenant(state, tenantId, (tenant) => ({
      ...tenant,
      marketplaceItems: page.items.reduce(upsertById, tenant.marketplaceItems),
    })),
};
