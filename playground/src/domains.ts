import { OPERATION_NAMES, type OperationName } from 'aurora-backend-handler';

/** The playground's sections: every operation of the library sits in exactly one. */
const DOMAINS = {
  session: [
    'login',
    'logout',
    'loadUser',
    'updateUser',
    'changePassword',
    'changePlan',
    'deleteUser',
    'createToken',
    'deleteToken',
  ],
  organizations: [
    'createOrganization',
    'updateOrganization',
    'deleteOrganization',
    'updateBillingInformation',
    'loadInvoices',
    'downloadInvoice',
    'addOrganizationMember',
    'removeOrganizationMember',
  ],
  tenants: [
    'createTenant',
    'updateTenant',
    'deleteTenant',
    'inviteTenantUser',
    'removeTenantUser',
    'changeTenantUserRole',
  ],
  accounts: ['createAccount', 'updateAccount', 'deleteAccount', 'validateAccountCredentials'],
  environments: ['createEnvironment', 'updateEnvironment', 'deleteEnvironment'],
  services: [
    'listServices',
    'deployService',
    'scaleService',
    'updateService',
    'restartService',
    'restartInstance',
    'rollbackService',
    'loadServiceRevisions',
    'loadInstanceLogs',
    'linkServices',
    'unlinkServices',
    'deleteService',
  ],
  marketplace: ['loadMarketplace', 'deployMarketplaceItem'],
  resources: ['createResource', 'updateResource', 'deleteResource'],
} as const satisfies Record<string, readonly OperationName[]>;

export type Domain = keyof typeof DOMAINS | 'other';

export const DOMAIN_LABELS: Record<Domain, string> = {
  session: 'Session & user',
  organizations: 'Organizations',
  tenants: 'Tenants',
  accounts: 'Accounts',
  environments: 'Environments',
  services: 'Services',
  marketplace: 'Marketplace',
  resources: 'Resources',
  other: 'Other',
};

/** Each domain with its operations; an operation a newer library adds lands in `other`, never nowhere. */
export function operationsByDomain(): Array<[Domain, OperationName[]]> {
  const listed = new Set<OperationName>(Object.values(DOMAINS).flat());
  const other = OPERATION_NAMES.filter((name) => !listed.has(name));
  const known = OPERATION_NAMES as readonly string[];
  const domains = Object.entries(DOMAINS).map(([domain, names]): [Domain, OperationName[]] => [
    domain as Domain,
    names.filter((name) => known.includes(name)),
  ]);
  return other.length === 0 ? domains : [...domains, ['other', other]];
}
