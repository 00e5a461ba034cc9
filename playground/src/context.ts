import type { User } from 'aurora-backend-handler';
import type { Selection } from './selection-store';

type Tenant = User['tenants'][number];
type Service = Tenant['services'][number];
type Role = Service['roles'][number];
type Instance = Role['instances'][number];

/** Everything forms can prefill from: the selected node and, where nothing is selected, sensible defaults. */
export interface Context {
  user: User | null;
  organization?: User['organizations'][number] | undefined;
  token?: User['tokens'][number] | undefined;
  tenant?: Tenant | undefined;
  account?: Tenant['accounts'][number] | undefined;
  environment?: Tenant['environments'][number] | undefined;
  resource?: Tenant['resources'][number] | undefined;
  marketplaceItem?: Tenant['marketplaceItems'][number] | undefined;
  service?: Service | undefined;
  role?: Role | undefined;
  instance?: Instance | undefined;
  /** Whether the service/instance came from the selection (not a default). */
  serviceSelected: boolean;
}

const byId = <T extends { id: string }>(items: readonly T[], id: string | undefined): T | undefined =>
  id === undefined ? undefined : items.find((item) => item.id === id);

function tenantOf(user: User, selection: Selection | null): Tenant | undefined {
  const id = selection?.kind === 'tenant' ? selection.id : selection?.tenantId;
  return (
    byId(user.tenants, id) ??
    user.tenants.find((tenant) => tenant.role === 'owner' && tenant.services.length > 0) ??
    user.tenants[0]
  );
}

/**
 * Resolves the selection against the current tree; a selection whose node is gone falls back to defaults.
 * @param options.defaults `false`: only the selected node and the nodes it sits in, no first-of-a-kind
 * defaults (what destructive forms may target). @default true
 */
export function resolveContext(
  user: User | null,
  selection: Selection | null,
  options: { defaults?: boolean } = {},
): Context {
  if (user === null) return { user, serviceSelected: false };
  if (options.defaults === false) return selectedOnly(user, selection);
  const picked = (kind: Selection['kind']) => (selection?.kind === kind ? selection.id : undefined);
  const tenant = tenantOf(user, selection);
  const selectedService = byId(tenant?.services ?? [], selection?.serviceId ?? picked('service'));
  const service = selectedService ?? tenant?.services[0];
  const roles = service?.roles ?? [];
  const role = roles.find((item) => item.name === picked('role')) ?? roles[0];
  const instances = roles.flatMap((item) => item.instances);
  const instance = byId(instances, selection?.instanceId ?? picked('instance')) ?? role?.instances[0];
  const environment =
    byId(tenant?.environments ?? [], picked('environment') ?? selectedService?.environment) ?? tenant?.environments[0];
  const account = byId(tenant?.accounts ?? [], picked('account') ?? environment?.account) ?? tenant?.accounts[0];
  const organization =
    byId(user.organizations, picked('organization') ?? tenant?.organizationsIds[0]) ?? user.organizations[0];
  return {
    user,
    organization,
    token: byId(user.tokens, picked('token')) ?? user.tokens[0],
    tenant,
    account,
    environment,
    resource: byId(tenant?.resources ?? [], picked('resource')) ?? tenant?.resources[0],
    marketplaceItem: byId(tenant?.marketplaceItems ?? [], picked('marketplaceItem')) ?? tenant?.marketplaceItems[0],
    service,
    role,
    instance,
    serviceSelected: selectedService !== undefined,
  };
}

/** Only what the selection names (and the tenant and service it sits in); a node that is gone is absent. */
function selectedOnly(user: User, selection: Selection | null): Context {
  const picked = (kind: Selection['kind']) => (selection?.kind === kind ? selection.id : undefined);
  const tenant = byId(user.tenants, selection?.kind === 'tenant' ? selection.id : selection?.tenantId);
  const service = byId(tenant?.services ?? [], selection?.serviceId ?? picked('service'));
  const instances = service?.roles.flatMap((role) => role.instances) ?? [];
  return {
    user,
    organization: byId(user.organizations, picked('organization')),
    token: byId(user.tokens, picked('token')),
    tenant,
    account: byId(tenant?.accounts ?? [], picked('account')),
    environment: byId(tenant?.environments ?? [], picked('environment')),
    resource: byId(tenant?.resources ?? [], picked('resource')),
    marketplaceItem: byId(tenant?.marketplaceItems ?? [], picked('marketplaceItem')),
    service,
    role: service?.roles.find((item) => item.name === picked('role')),
    instance: byId(instances, selection?.instanceId ?? picked('instance')),
    serviceSelected: service !== undefined,
  };
}
