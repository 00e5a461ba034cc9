import type { User } from 'aurora-backend-handler';

// Fields that name a node of the tree by its id: forms offer them as selects of names.

/** What a reference field points at. */
export type ReferenceKind =
  | 'tenant'
  | 'organization'
  | 'account'
  | 'environment'
  | 'service'
  | 'instance'
  | 'resource'
  | 'token'
  | 'marketplaceItem'
  | 'invoice'
  | 'revision'
  | 'link'
  | 'user';

/** The input fields that are references, by the kind they point at. */
export const REFERENCE_FIELDS: Readonly<Record<string, ReferenceKind>> = {
  tenantId: 'tenant',
  tenant: 'tenant',
  organizationId: 'organization',
  accountId: 'account',
  account: 'account',
  environmentId: 'environment',
  environment: 'environment',
  serviceId: 'service',
  instanceId: 'instance',
  resourceId: 'resource',
  tokenId: 'token',
  itemId: 'marketplaceItem',
  invoiceId: 'invoice',
  revision: 'revision',
  linkName: 'link',
  userId: 'user',
};

/** How the kind is called in a sentence ("Choose a service", "Delete API token ci-pipeline?"). */
export const REFERENCE_NOUNS: Readonly<Record<ReferenceKind, string>> = {
  tenant: 'tenant',
  organization: 'organization',
  account: 'account',
  environment: 'environment',
  service: 'service',
  instance: 'instance',
  resource: 'resource',
  token: 'API token',
  marketplaceItem: 'marketplace item',
  invoice: 'invoice',
  revision: 'revision',
  link: 'link',
  user: 'user',
};

/** Whether a reference is chosen within a tenant, a service or an organization picked in the same form. */
const SCOPE: Readonly<Record<ReferenceKind, 'root' | 'tenant' | 'service' | 'organization'>> = {
  tenant: 'root',
  organization: 'root',
  token: 'root',
  account: 'tenant',
  environment: 'tenant',
  service: 'tenant',
  resource: 'tenant',
  marketplaceItem: 'tenant',
  link: 'tenant',
  user: 'organization',
  instance: 'service',
  revision: 'service',
  invoice: 'organization',
};

/** Reference fields in the order their choices depend on each other: tenants before their services... */
export function byScope(names: readonly string[]): string[] {
  const rank = { root: 0, tenant: 1, organization: 1, service: 2 } as const;
  const rankOf = (name: string) => {
    const kind = REFERENCE_FIELDS[name];
    return kind === undefined ? 3 : rank[SCOPE[kind]];
  };
  return [...names].sort((a, b) => rankOf(a) - rankOf(b));
}

/** One choice of a reference select: the id it sends, the name it shows, and a secondary line. */
export interface ReferenceOption {
  value: string;
  label: string;
  detail: string;
}

/** The ids a form already chose for the references its other choices depend on. */
export interface ReferenceScope {
  tenantId?: string | undefined;
  organizationId?: string | undefined;
  serviceId?: string | undefined;
}

const named = (items: ReadonlyArray<{ id: string; name: string }>): ReferenceOption[] =>
  items.map((item) => ({ value: item.id, label: item.name, detail: item.id }));

/** The nodes a reference of `kind` may name in the tree of `user`, within the form's `scope`. */
export function referenceOptions(kind: ReferenceKind, user: User | null, scope: ReferenceScope): ReferenceOption[] {
  if (user === null) return [];
  const tenant = user.tenants.find((item) => item.id === scope.tenantId);
  const service = tenant?.services.find((item) => item.id === scope.serviceId);
  const organization = user.organizations.find((item) => item.id === scope.organizationId);
  switch (kind) {
    case 'tenant':
      return named(user.tenants);
    case 'organization':
      return named(user.organizations);
    case 'token':
      return named(user.tokens);
    case 'account':
      return named(tenant?.accounts ?? []);
    case 'environment':
      return named(tenant?.environments ?? []);
    case 'service':
      return (tenant?.services ?? []).map((item) => ({
        value: item.id,
        label: item.status === 'running' ? item.name : `${item.name} (${item.status})`,
        detail: item.id,
      }));
    case 'resource':
      return (tenant?.resources ?? []).map((item) => ({
        value: item.id,
        label: `${item.name} (${item.type})`,
        detail: item.id,
      }));
    case 'marketplaceItem':
      return named(tenant?.marketplaceItems ?? []);
    case 'link':
      return (tenant?.services ?? [])
        .flatMap((item) => item.links)
        .map((link) => ({ value: link.name, label: link.name, detail: `${link.origin} → ${link.target}` }));
    case 'instance':
      return named(service?.roles.flatMap((role) => role.instances) ?? []);
    case 'revision':
      return (service?.revisions ?? []).map((id) => ({
        value: id,
        label: id === service?.currentRevision ? `${id} (current)` : id,
        detail: id,
      }));
    case 'invoice':
      return (organization?.invoices ?? []).map((item) => ({
        value: item.id,
        label: `${item.name} · ${item.date}`,
        detail: item.id,
      }));
    case 'user': {
      // The tree knows other users by id only: members of the form's organization, or of the tenant's.
      const organizations =
        organization === undefined
          ? user.organizations.filter((item) => tenant?.organizationsIds.includes(item.id))
          : [organization];
      const ids = [...new Set(organizations.flatMap((item) => item.usersIds))];
      return ids.map((id) => ({
        value: id,
        label: id === user.id ? `${user.name} ${user.surname} (you)`.trim() : id,
        detail: id,
      }));
    }
  }
}

/** The name a reference shows for `id`, or the id itself when the tree does not know it. */
export function referenceName(kind: ReferenceKind, user: User | null, scope: ReferenceScope, id: string): string {
  return referenceOptions(kind, user, scope).find((option) => option.value === id)?.label ?? id;
}
