import type { RequestDomain, RequestName } from 'aurora-backend-handler';
import { REQUEST_DOMAINS } from 'aurora-backend-handler/schemas';

/** Section titles of the playground, one per domain of the library's request declarations. */
export const DOMAIN_LABELS: Record<RequestDomain, string> = {
  user: 'Session & user',
  organization: 'Organizations',
  tenant: 'Tenants',
  account: 'Accounts',
  environment: 'Environments',
  resource: 'Resources',
  service: 'Services',
  marketplace: 'Marketplace',
  notification: 'Notifications',
};

export type Domain = RequestDomain;

/** Each domain with its requests, as the library declares them: a request a newer library adds shows up too. */
export function requestsByDomain(): Array<[RequestDomain, RequestName[]]> {
  return Object.entries(REQUEST_DOMAINS) as Array<[RequestDomain, RequestName[]]>;
}
