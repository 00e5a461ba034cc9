export { createBackendHandler } from './backend-handler';
export type { BackendHandler, BackendHandlerOptions } from './backend-handler';
export { createWUIBridge, WUIBridge } from './event-helper';
export type {
  Claim,
  IncomingRequest,
  RequestArgs,
  RequestOptions,
  Unsubscribe,
  WUIBridgeOptions,
} from './event-helper';
export { EventNames, REQUEST_DOMAINS, REQUEST_NAMES, requests, isLongRunning, isRequestName } from './event-names';
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
  StateChangeMeta,
  SuccessEvents,
  WUIEventMap,
} from './event-names';
export type { RequestDeclaration } from './requests/define-request';
export { resolveEnvironment, SETTINGS } from './environment';
export type { EnvironmentOptions, ResolvedEnvironment, Setting } from './environment';
export { BackendError, ERROR_CODES, isBackendError } from './errors/backend-error';
export type { BackendErrorInit, BackendErrorJSON, ErrorCode, ErrorDetail } from './errors/backend-error';
export { LOG_LEVELS } from './log/logger';
export type { Logger, LogLevel } from './log/logger';
export type { AccessTokenProvider, HttpCallInfo } from './api/http/transport';
export type { UserState } from './state/user-state';
export { UpdateUserInputSchema } from './api/contract/user-routes';
export type { UpdateUserInput } from './api/contract/user-routes';

export {
  IdSchema,
  NameSchema,
  DescriptionSchema,
  ShortTextSchema,
  LongTextSchema,
  TimestampSchema,
  DateSchema,
  UrlSchema,
  LogoSchema,
  EmailSchema,
  DomainSchema,
  LabelSchema,
  VersionSchema,
  SecretSchema,
  PortSchema,
  ReplicasSchema,
  CpuSchema,
  MemorySchema,
  StorageSchema,
  CostSchema,
  CountSchema,
  IdListSchema,
  DomainListSchema,
  LogLineSchema,
  LogsSchema,
  EntityTimestampsSchema,
} from './interfaces/common';
export type { EntityTimestamps } from './interfaces/common';
export { AXEBOW_PLANS, AxebowPlanSchema, UserRoleSchema, UserSchema } from './interfaces/user-interface';
export type { AxebowPlan, User } from './interfaces/user-interface';
export {
  ORGANIZATION_STATUSES,
  OrganizationStatusSchema,
  BillingInformationSchema,
  InvoiceSchema,
  OrganizationSchema,
} from './interfaces/organization-interface';
export type {
  OrganizationStatus,
  BillingInformation,
  Invoice,
  Organization,
} from './interfaces/organization-interface';
export { TokenSchema, CreatedTokenSchema } from './interfaces/token-interface';
export type { Token, CreatedToken } from './interfaces/token-interface';
export {
  TENANT_ROLES,
  TenantRoleSchema,
  TENANT_STATUSES,
  TenantStatusSchema,
  TenantSchema,
} from './interfaces/tenant-interface';
export type { TenantRole, TenantStatus, Tenant } from './interfaces/tenant-interface';
export {
  SERVICE_STATUSES,
  ServiceStatusSchema,
  ServiceRoleSchema,
  ServiceSchema,
} from './interfaces/service-interface';
export type { ServiceStatus, ServiceRole, Service } from './interfaces/service-interface';
export { INSTANCE_STATUSES, InstanceStatusSchema, InstanceSchema } from './interfaces/instance-interface';
export type { InstanceStatus, Instance } from './interfaces/instance-interface';
export {
  CONTAINER_STATUSES,
  ContainerStatusSchema,
  ContainerStateSchema,
  ContainerMetricsSchema,
  ContainerSchema,
} from './interfaces/container-interface';
export type { ContainerStatus, ContainerState, ContainerMetrics, Container } from './interfaces/container-interface';
export { CHANNEL_PROTOCOLS, ChannelProtocolSchema, ChannelSchema } from './interfaces/channel-interface';
export type { ChannelProtocol, Channel } from './interfaces/channel-interface';
export {
  ACCOUNT_STATUSES,
  AccountStatusSchema,
  CloudProviderSchema,
  CloudProviderInputSchema,
  AccountFlavorsSchema,
  AccountSchema,
} from './interfaces/account-interface';
export type {
  AccountStatus,
  CloudProvider,
  CloudProviderInput,
  AccountFlavors,
  Account,
} from './interfaces/account-interface';
export {
  USAGE_METRICS,
  UsageMetricSchema,
  UsageCurrentSchema,
  UsageLimitSchema,
  UsageSchema,
} from './interfaces/usage-interface';
export type { UsageMetric, UsageCurrent, UsageLimit, Usage } from './interfaces/usage-interface';
export { ENVIRONMENT_STATUSES, EnvironmentStatusSchema, EnvironmentSchema } from './interfaces/environment-interface';
export type { EnvironmentStatus, Environment } from './interfaces/environment-interface';
export {
  MARKETPLACE_ITEM_STATUSES,
  MarketplaceItemStatusSchema,
  MarketplaceItemRequirementsSchema,
  MarketplaceItemSchema,
} from './interfaces/marketplace-item-interface';
export type {
  MarketplaceItemStatus,
  MarketplaceItemRequirements,
  MarketplaceItem,
} from './interfaces/marketplace-item-interface';
export {
  RESOURCE_TYPES,
  ResourceTypeSchema,
  VOLUME_KINDS,
  VolumeKindSchema,
  ResourceValueSchema,
  ResourceSchema,
} from './interfaces/resource-interface';
export type { ResourceType, VolumeKind, Resource } from './interfaces/resource-interface';
export { LinkSchema } from './interfaces/link-interface';
export type { Link } from './interfaces/link-interface';
export { OPERATION_KINDS, OPERATION_STATUSES, OperationSchema } from './interfaces/operation-interface';
export type { Operation, OperationKind, OperationStatus } from './interfaces/operation-interface';
export {
  FILTER_OPERATORS,
  FilterSchema,
  ListQuerySchema,
  OperationListQuerySchema,
  SortSchema,
} from './api/contract/list-query';
export type {
  Filter,
  FilterGroup,
  FilterOperator,
  ListQuery,
  OperationListQuery,
  Sort,
} from './api/contract/list-query';
export { encodeListQuery, decodeListQuery } from './api/contract/list-query-codec';
export type { Decoded } from './api/contract/list-query-codec';
export { routes } from './api/contract/index';
export type { RouteId, Routes } from './api/contract/index';
export { HTTP_METHODS } from './api/contract/define-route';
export type { HttpMethod, RouteDefinition } from './api/contract/define-route';
export { ErrorBodySchema } from './api/contract/error-body';
export type { ErrorBody } from './api/contract/error-body';
export { ServiceSpecSchema } from './api/contract/service-spec';
export type { ServiceSpec } from './api/contract/service-spec';
export { TenantMemberSchema } from './api/contract/tenant-routes';
export type { TenantMember } from './api/contract/tenant-routes';
export { RevisionSchema } from './api/contract/service-routes';
export type { Revision } from './api/contract/service-routes';
export {
  buildDeploymentRequest,
  buildUpdateRequest,
  ServiceFormSchema,
  UpdateServiceFormSchema,
} from './api/deploy-service-helper';
export type {
  DeploymentContext,
  DeploymentRequest,
  ServiceForm,
  UpdateRequest,
  UpdateServiceForm,
} from './api/deploy-service-helper';
export type { PollBackoff } from './handler/operation-follower';
