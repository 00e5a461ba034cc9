import type { RouteId } from '../../../api/contract';
import { accountHandlers } from './account-handlers';
import { environmentHandlers } from './environment-handlers';
import { linkHandlers } from './link-handlers';
import { marketplaceHandlers } from './marketplace-handlers';
import { operationHandlers } from './operation-handlers';
import { organizationHandlers } from './organization-handlers';
import { resourceHandlers } from './resource-handlers';
import { serviceReadHandlers } from './service-handlers';
import { serviceOperationHandlers } from './service-operation-handlers';
import { tenantHandlers } from './tenant-handlers';
import type { Handlers } from './types';
import { userHandlers } from './user-handlers';

/** One domain handler per route of the contract: a route without a handler does not compile. */
export const handlers = {
  ...userHandlers,
  ...organizationHandlers,
  ...tenantHandlers,
  ...accountHandlers,
  ...environmentHandlers,
  ...serviceReadHandlers,
  ...serviceOperationHandlers,
  ...linkHandlers,
  ...operationHandlers,
  ...marketplaceHandlers,
  ...resourceHandlers,
} satisfies Handlers<RouteId>;
