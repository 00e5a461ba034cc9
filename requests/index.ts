import type { Declarations } from './define-request';
import { accountRequests, type AccountRequestTypes } from './account-requests';
import { environmentRequests, type EnvironmentRequestTypes } from './environment-requests';
import { marketplaceRequests, type MarketplaceRequestTypes } from './marketplace-requests';
import { notificationRequests, type NotificationRequestTypes } from './notification-requests';
import { organizationRequests, type OrganizationRequestTypes } from './organization-requests';
import { resourceRequests, type ResourceRequestTypes } from './resource-requests';
import { serviceRequests, type ServiceRequestTypes } from './service-requests';
import { tenantRequests, type TenantRequestTypes } from './tenant-requests';
import { userRequests, type UserRequestTypes } from './user-requests';

/**
 * Every request kind of the bridge, by domain: the same nine domains as the REST contract (`api/contract/`)
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
  notification: notificationRequests,
} as const;

/** The types of every request, by name: what a component emits, its success payload, long-running or not. */
export interface RequestTypesMap
  extends
    UserRequestTypes,
    OrganizationRequestTypes,
    TenantRequestTypes,
    AccountRequestTypes,
    EnvironmentRequestTypes,
    ResourceRequestTypes,
    ServiceRequestTypes,
    MarketplaceRequestTypes,
    NotificationRequestTypes {}

/** Every request's declaration, by name. */
export type Requests = Declarations<RequestTypesMap>;

/** Every request kind, by name. */
export const requests: Requests = {
  ...userRequests,
  ...organizationRequests,
  ...tenantRequests,
  ...accountRequests,
  ...environmentRequests,
  ...resourceRequests,
  ...serviceRequests,
  ...marketplaceRequests,
  ...notificationRequests,
};

export type RequestDomain = keyof typeof requestDomains;
