// Valid data for a WUI's own tests: builders of every model and answer of the API, and one success answer per route.

export {
  buildUsage,
  buildContainer,
  buildInstance,
  buildResource,
  buildChannel,
  buildRole,
  buildService,
  buildAccount,
  buildEnvironment,
  buildMarketplaceItem,
  buildTenant,
  buildInvoice,
  buildOrganization,
  buildToken,
  buildUser,
  buildNotification,
} from './models';
export {
  buildLink,
  buildOperation,
  buildRevision,
  buildTenantMember,
  buildCreatedToken,
  buildCredentialsCheck,
  buildInstanceLogs,
  buildLoginResponse,
  buildListPage,
  buildInvoiceFile,
  buildNotificationChange,
  buildNotificationsRead,
} from './api-models';
export type { CredentialsCheck, InstanceLogs, LoginResponse } from './api-models';
export { routeResponses } from './route-responses';
export type { RouteAnswer } from './route-responses';
