// `aurora-backend-handler/contract`: the Aurora REST API as this library calls it: every route, the error
// body, the service spec, the list-query wire codec and the deploy request builders. For tools and tests
// that speak HTTP themselves; a WUI that goes through the bridge never needs it.
export { routes } from './api/contract/index';
export type { RouteId, Routes } from './api/contract/index';
export { HTTP_METHODS } from './api/contract/define-route';
export type {
  HttpMethod,
  RouteDefinition,
  RouteRequest,
  RouteResponse,
  SchemaInput,
} from './api/contract/define-route';
export { ErrorBodySchema } from './api/contract/error-body';
export type { ErrorBody } from './api/contract/error-body';
export { ServiceSpecSchema } from './api/contract/service-spec';
export type { ServiceSpec } from './api/contract/service-spec';
export { encodeListQuery, decodeListQuery } from './api/contract/list-query-codec';
export type { Decoded } from './api/contract/list-query-codec';
export { buildDeploymentRequest, buildUpdateRequest } from './api/deploy-service-helper';
export type { DeploymentContext, DeploymentRequest, UpdateRequest } from './api/deploy-service-helper';
