import type { RequestDomain, RequestName } from 'aurora-backend-handler';
import { REQUEST_DOMAINS } from 'aurora-backend-handler/schemas';
import type { NodeKind } from './selection-store';

/**
 * Section titles of the playground by domain of the library's request declarations; a domain a newer library
 * adds is titled by its name (see {@link domainLabel}).
 */
export const DOMAIN_LABELS: Partial<Record<RequestDomain, string>> = {
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

export function domainLabel(domain: RequestDomain): string {
  return DOMAIN_LABELS[domain] ?? `${domain.charAt(0).toUpperCase()}${domain.slice(1)}s`;
}

export type Domain = RequestDomain;

/** Each domain with its requests, as the library declares them: a request a newer library adds shows up too. */
export function requestsByDomain(): Array<[RequestDomain, RequestName[]]> {
  return Object.entries(REQUEST_DOMAINS) as Array<[RequestDomain, RequestName[]]>;
}

const DOMAIN_OF_KIND: Readonly<Record<NodeKind, RequestDomain>> = {
  organization: 'organization',
  token: 'user',
  tenant: 'tenant',
  account: 'account',
  environment: 'environment',
  resource: 'resource',
  marketplaceItem: 'marketplace',
  service: 'service',
  role: 'service',
  instance: 'service',
  container: 'service',
};

/** The domain whose requests act on a node of `kind`: a service's (or its instance's) are the service ones. */
export function domainOfKind(kind: NodeKind): RequestDomain {
  return DOMAIN_OF_KIND[kind];
}
