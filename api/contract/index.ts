import { userRoutes } from './user-routes';

/** Every route of the Aurora REST API, by id. */
export const routes = {
  ...userRoutes,
} as const;

export type RouteId = keyof typeof routes;
