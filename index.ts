// Root entry: what a WUI needs at run time (the bridge, the handler, errors, settings) and the named types of
// the models and events. Zod schemas are in `./schemas`, the REST contract in `./contract`.
export { createBackendHandler } from './backend-handler';
export type {
  AuthOptions,
  BackendHandler,
  BackendHandlerOptions,
  LiveSourceContext,
  LiveStreamOptions,
} from './backend-handler';
export type { LiveSource, LiveSourceListener } from './api/stream/live-source';
export { createWUIBridge, WUIBridge } from './event-helper';
export type {
  Claim,
  IncomingRequest,
  RequestArgs,
  RequestOptions,
  RequestPolicy,
  Unsubscribe,
  WUIBridgeOptions,
} from './event-helper';
export { EventNames, REQUEST_NAMES, isLongRunning, isRequestName } from './event-names';
export type {
  ErrorEvents,
  EventArgs,
  EventName,
  HandlerEventName,
  HandlerEvents,
  Listener,
  LongRunningRequestName,
  OperationEventMeta,
  OutcomeMeta,
  RequestEmitArgs,
  RequestEvents,
  RequestInput,
  RequestMeta,
  RequestName,
  RequestDomain,
  RequestResult,
  Requests,
  ResolvedRequestMeta,
  NotificationMeta,
  RequestChangeMeta,
  StateChangeMeta,
  StreamChangeMeta,
  SuccessEvents,
  WUIEventMap,
} from './event-names';
export type {
  CallApi,
  Declarations,
  ParseContext,
  Request,
  RequestDeclaration,
  RequestTypes,
  ServiceRefs,
} from './requests/define-request';
export type { RequestTypesMap } from './requests/index';
export type { StreamRole, StreamState, StreamStatus } from './api/stream/stream-status';
export type { StreamBackoffOptions, StreamOptions } from './api/stream/stream-options';
// The named input and success payload types of every request.
export type {
  CreateAccountInput,
  CredentialsCheck,
  DeleteAccountInput,
  UpdateAccountInput,
  ValidateAccountCredentialsInput,
} from './api/contract/account-routes';
export type {
  CreateEnvironmentInput,
  DeleteEnvironmentInput,
  UpdateEnvironmentInput,
} from './api/contract/environment-routes';
export type { ListResponse } from './api/contract/list-query';
export type {
  EntityKey,
  InstanceChange,
  LiveEvent,
  LiveEventData,
  LiveEventOf,
  LiveEventType,
  NotificationChange,
  StreamReset,
  TenantEntityKey,
  TenantHeader,
  UsageSample,
  UserProfile,
} from './api/contract/live-events';
export type {
  LoadNotificationsInput,
  NotificationRefInput,
  NotificationsRead,
} from './api/contract/notification-routes';
export type {
  AddOrganizationMemberInput,
  CreateOrganizationInput,
  DeleteOrganizationInput,
  DownloadInvoiceInput,
  InvoiceFile,
  InvoiceList,
  LoadInvoicesInput,
  RemoveOrganizationMemberInput,
  UpdateBillingInformationInput,
  UpdateOrganizationInput,
} from './api/contract/organization-routes';
export type { CreateResourceInput, DeleteResourceInput, UpdateResourceInput } from './api/contract/resource-routes';
export type {
  DeployMarketplaceItemInput,
  InstanceRefInput,
  LinkServicesInput,
  ListServicesInput,
  LoadInstanceLogsInput,
  LoadMarketplaceInput,
  LoadServiceRevisionsInput,
  RollbackServiceInput,
  ScaleServiceInput,
  ServiceRefInput,
  UnlinkServicesInput,
} from './api/contract/service-inputs';
export type { InstanceLogs } from './api/contract/service-routes';
export type {
  ChangeTenantUserRoleInput,
  CreateTenantInput,
  DeleteTenantInput,
  InviteTenantUserInput,
  RemoveTenantUserInput,
  UpdateTenantInput,
} from './api/contract/tenant-routes';
export type {
  ChangePasswordInput,
  ChangePlanInput,
  CreateTokenInput,
  DeleteTokenInput,
  LoginInput,
  LoginResponse,
} from './api/contract/user-routes';
export { resolveEnvironment, SETTINGS } from './environment';
export type { EnvironmentOptions, ResolvedEnvironment, Setting } from './environment';
export { BackendError, ERROR_CODES, isBackendError } from './errors/backend-error';
export type { BackendErrorInit, BackendErrorJSON, ErrorCode, ErrorDetail } from './errors/backend-error';
export type { ErrorReason } from './errors/reasons';
export { LOG_LEVELS } from './log/logger';
export type { Logger, LogLevel } from './log/logger';
export type { AccessTokenProvider, HttpCallInfo, RetryBudgetOptions, RetryOptions } from './api/http/transport';
export type { RefreshTokenDelivery, Session, SessionRefresher, SessionTokens } from './api/session';
export type { PollBackoff, PollingOptions } from './handler/operation-follower';
export type { UserState } from './state/user-state';

// Models: their types, and the `as const` value lists a WUI offers in its forms.
export type { EntityTimestamps } from './interfaces/common';
export { AXEBOW_PLANS } from './interfaces/user-interface';
export type { AxebowPlan, User } from './interfaces/user-interface';
export { ORGANIZATION_STATUSES } from './interfaces/organization-interface';
export type {
  OrganizationStatus,
  BillingInformation,
  Invoice,
  Organization,
} from './interfaces/organization-interface';
export type { Token, CreatedToken } from './interfaces/token-interface';
export { TENANT_ROLES, TENANT_STATUSES } from './interfaces/tenant-interface';
export type { TenantRole, TenantStatus, Tenant } from './interfaces/tenant-interface';
export { SERVICE_STATUSES } from './interfaces/service-interface';
export type { ServiceStatus, ServiceRole, Service } from './interfaces/service-interface';
export { INSTANCE_STATUSES } from './interfaces/instance-interface';
export type { InstanceStatus, Instance } from './interfaces/instance-interface';
export { CONTAINER_STATUSES } from './interfaces/container-interface';
export type { ContainerStatus, ContainerState, ContainerMetrics, Container } from './interfaces/container-interface';
export { CHANNEL_PROTOCOLS } from './interfaces/channel-interface';
export type { ChannelProtocol, Channel } from './interfaces/channel-interface';
export { ACCOUNT_STATUSES } from './interfaces/account-interface';
export type {
  AccountStatus,
  CloudProvider,
  CloudProviderInput,
  AccountFlavors,
  Account,
} from './interfaces/account-interface';
export { USAGE_METRICS } from './interfaces/usage-interface';
export type { UsageMetric, UsageCurrent, UsageLimit, Usage } from './interfaces/usage-interface';
export { ENVIRONMENT_STATUSES } from './interfaces/environment-interface';
export type { EnvironmentStatus, Environment } from './interfaces/environment-interface';
export { MARKETPLACE_ITEM_STATUSES } from './interfaces/marketplace-item-interface';
export type {
  MarketplaceItemStatus,
  MarketplaceItemRequirements,
  MarketplaceItem,
} from './interfaces/marketplace-item-interface';
export { RESOURCE_TYPES, VOLUME_KINDS } from './interfaces/resource-interface';
export type { ResourceType, VolumeKind, Resource } from './interfaces/resource-interface';
export type { Link } from './interfaces/link-interface';
export { OPERATION_KINDS, OPERATION_STATUSES } from './interfaces/operation-interface';
export type { Operation, OperationKind, OperationStatus } from './interfaces/operation-interface';
export type {
  Notification,
  NotificationKind,
  NotificationStatus,
  NotificationTarget,
} from './interfaces/notification-interface';
export type { TenantMember } from './api/contract/tenant-routes';
export type { Revision } from './api/contract/service-routes';
export type { UpdateUserInput } from './api/contract/user-routes';
export type { ServiceForm, UpdateServiceForm } from './api/deploy-service-helper';
export type { Filter, FilterGroup, FilterOperator, ListQuery, RequestListQuery, Sort } from './api/contract/list-query';
