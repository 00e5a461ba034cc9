import type { RouteId } from '../../../api/contract';
import type { eventRoutes } from '../../../api/contract/event-routes';
import { accountHandlers } from './account-handlers';
import { environmentHandlers } from './environment-handlers';
import { linkHandlers } from './link-handlers';
import { marketplaceHandlers } from './marketplace-handlers';
import { notificationHandlers } from './notification-handlers';
import { operationHandlers } from './operation-handlers';
import { organizationHandlers } from './organization-handlers';
import { resourceHandlers } from './resource-handlers';
import { serviceReadHandlers } from './service-handlers';
import { serviceOperationHandlers } from './service-operation-handlers';
import { tenantHandlers } from './tenant-handlers';
import type { Handlers } from './types';
import { userHandlers } from './user-handlers';

/**
 * The handlers by domain: the same nine domains as the contract and the request declarations. The service
 * domain is split over four files by size: reads, long-running changes, links, and the operations they start.
 */
export const handlerDomains = {
  user: userHandlers,
  organization: organizationHandlers,
  tenant: tenantHandlers,
  account: accountHandlers,
  environment: environmentHandlers,
  resource: resourceHandlers,
  service: { ...serviceReadHandlers, ...serviceOperationHandlers, ...linkHandlers, ...operationHandlers },
  marketplace: marketplaceHandlers,
  notification: notificationHandlers,
};

/** The routes a domain handler answers: all but the live stream, which the stream hub serves (`events/`). */
export type HandledRouteId = Exclude<RouteId, keyof typeof eventRoutes>;

/** One domain handler per route of the contract: a route without a handler does not compile. */
export const handlers = {
  ...handlerDomains.user,
  ...handlerDomains.organization,
  ...handlerDomains.tenant,
  ...handlerDomains.account,
  ...handlerDomains.environment,
  ...handlerDomains.resource,
  ...handlerDomains.service,
  ...handlerDomains.marketplace,
  ...handlerDomains.notification,
} satisfies Handlers<HandledRouteId>;
