// `aurora-backend-handler/schemas`: the zod schemas of the models, the list queries and the forms, for a WUI
// that validates or builds forms itself. Their types are named at the root entry.
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
export { AxebowPlanSchema, UserRoleSchema, UserSchema } from './interfaces/user-interface';
export {
  OrganizationStatusSchema,
  BillingInformationSchema,
  InvoiceSchema,
  OrganizationSchema,
} from './interfaces/organization-interface';
export { TokenSchema, CreatedTokenSchema } from './interfaces/token-interface';
export { TenantRoleSchema, TenantStatusSchema, TenantSchema } from './interfaces/tenant-interface';
export { ServiceStatusSchema, ServiceRoleSchema, ServiceSchema } from './interfaces/service-interface';
export { InstanceStatusSchema, InstanceSchema } from './interfaces/instance-interface';
export {
  ContainerStatusSchema,
  ContainerStateSchema,
  ContainerMetricsSchema,
  ContainerSchema,
} from './interfaces/container-interface';
export { ChannelProtocolSchema, ChannelSchema } from './interfaces/channel-interface';
export {
  AccountStatusSchema,
  CloudProviderSchema,
  CloudProviderInputSchema,
  AccountFlavorsSchema,
  AccountSchema,
} from './interfaces/account-interface';
export { UsageMetricSchema, UsageCurrentSchema, UsageLimitSchema, UsageSchema } from './interfaces/usage-interface';
export { EnvironmentStatusSchema, EnvironmentSchema } from './interfaces/environment-interface';
export {
  MarketplaceItemStatusSchema,
  MarketplaceItemRequirementsSchema,
  MarketplaceItemSchema,
} from './interfaces/marketplace-item-interface';
export {
  ResourceTypeSchema,
  VolumeKindSchema,
  ResourceValueSchema,
  ResourceSchema,
} from './interfaces/resource-interface';
export { LinkSchema } from './interfaces/link-interface';
export { OperationSchema } from './interfaces/operation-interface';
export {
  NotificationKindSchema,
  NotificationStatusSchema,
  NotificationSchema,
} from './interfaces/notification-interface';
export { LiveEventSchema } from './api/contract/live-events';
export { TenantMemberSchema } from './api/contract/tenant-routes';
export { RevisionSchema } from './api/contract/service-routes';
export { UpdateUserInputSchema } from './api/contract/user-routes';
export {
  FILTER_OPERATORS,
  FilterSchema,
  ListQuerySchema,
  RequestListQuerySchema,
  SortSchema,
} from './api/contract/list-query';
export { ServiceFormSchema, UpdateServiceFormSchema } from './api/deploy-service-helper';
// The request declarations: each request's input and output schema, summary and route, by name and by domain.
export { requests, REQUEST_DOMAINS } from './event-names';
