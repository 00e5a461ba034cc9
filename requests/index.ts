import { accountRequests } from './account-requests';
import { environmentRequests } from './environment-requests';
import { marketplaceRequests } from './marketplace-requests';
import { organizationRequests } from './organization-requests';
import { resourceRequests } from './resource-requests';
import { serviceRequests } from './service-requests';
import { tenantRequests } from './tenant-requests';
import { userRequests } from './user-requests';

/**
 * Every request kind of the bridge, by domain: the same eight domains as the REST contract (`api/contract/`)
 * and the reference API. Adding a request means adding its route there and its declaration here.
 */
export const requestDomains = {
  user: userRequests,
  organization: organizationRequests,
  tenant: tenantRequests,
  account: accountRequests,
  environment: environmentRequests,
  resource: resourceRequests,
  service: serviceRequests,
  marketplace: marketplaceRequests,
} as const;

/** Every request kind, by name. */
export const requests = {
  ...userRequests,
  ...organizationRequests,
  ...tenantRequests,
  ...accountRequests,
  ...environmentRequests,
  ...resourceRequests,
  ...serviceRequests,
  ...marketplaceRequests,
};

export type RequestDomain = keyof typeof requestDomains;
