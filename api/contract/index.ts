import { accountRoutes } from './account-routes';
import { environmentRoutes } from './environment-routes';
import { eventRoutes } from './event-routes';
import { marketplaceRoutes } from './marketplace-routes';
import { notificationRoutes } from './notification-routes';
import { organizationRoutes } from './organization-routes';
import { resourceRoutes } from './resource-routes';
import { serviceRoutes } from './service-routes';
import { tenantRoutes } from './tenant-routes';
import { userRoutes } from './user-routes';

/** The type of {@link routeDomains}, named so that declarations refer to each group instead of spelling it out. */
export interface RouteDomains {
  user: typeof userRoutes;
  organization: typeof organizationRoutes;
  tenant: typeof tenantRoutes;
  account: typeof accountRoutes;
  environment: typeof environmentRoutes;
  resource: typeof resourceRoutes;
  service: typeof serviceRoutes;
  marketplace: typeof marketplaceRoutes;
  notification: typeof notificationRoutes;
}

/** The routes by domain: the nine domains the request declarations and the reference API share. */
export const routeDomains: RouteDomains = {
  user: userRoutes,
  organization: organizationRoutes,
  tenant: tenantRoutes,
  account: accountRoutes,
  environment: environmentRoutes,
  resource: resourceRoutes,
  service: serviceRoutes,
  marketplace: marketplaceRoutes,
  notification: notificationRoutes,
};

/** The type of {@link routes}, named so that declarations refer to each group instead of spelling it out. */
export type Routes = typeof userRoutes &
  typeof organizationRoutes &
  typeof tenantRoutes &
  typeof accountRoutes &
  typeof environmentRoutes &
  typeof serviceRoutes &
  typeof marketplaceRoutes &
  typeof resourceRoutes &
  typeof notificationRoutes &
  typeof eventRoutes;

/** Every route of the Aurora REST API, by id: the contract the client, the reference API and OpenAPI share. */
export const routes: Routes = {
  ...userRoutes,
  ...organizationRoutes,
  ...tenantRoutes,
  ...accountRoutes,
  ...environmentRoutes,
  ...serviceRoutes,
  ...marketplaceRoutes,
  ...resourceRoutes,
  ...notificationRoutes,
  // The live stream is read by the stream client (api/stream/), not by a request: it belongs to no domain.
  ...eventRoutes,
} as const;

export type RouteId = keyof Routes;
