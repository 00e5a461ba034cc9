// Public surface of the data models: every schema, inferred type and `as const` list, re-exported by name.

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
} from './common';
export type { EntityTimestamps } from './common';
export { AXEBOW_PLANS, AxebowPlanSchema, UserRoleSchema, UserSchema } from './user-interface';
export type { AxebowPlan, User } from './user-interface';
export {
  ORGANIZATION_STATUSES,
  OrganizationStatusSchema,
  BillingInformationSchema,
  InvoiceSchema,
  OrganizationSchema,
} from './organization-interface';
export type { OrganizationStatus, BillingInformation, Invoice, Organization } from './organization-interface';
export { TokenSchema, CreatedTokenSchema } from './token-interface';
export type { Token, CreatedToken } from './token-interface';
export { TENANT_ROLES, TenantRoleSchema, TENANT_STATUSES, TenantStatusSchema, TenantSchema } from './tenant-interface';
export type { TenantRole, TenantStatus, Tenant } from './tenant-interface';
export { SERVICE_STATUSES, ServiceStatusSchema, ServiceRoleSchema, ServiceSchema } from './service-interface';
export type { ServiceStatus, ServiceRole, Service } from './service-interface';
export { INSTANCE_STATUSES, InstanceStatusSchema, InstanceSchema } from './instance-interface';
export type { InstanceStatus, Instance } from './instance-interface';
export {
  CONTAINER_STATUSES,
  ContainerStatusSchema,
  ContainerStateSchema,
  ContainerMetricsSchema,
  ContainerSchema,
} from './container-interface';
export type { ContainerStatus, ContainerState, ContainerMetrics, Container } from './container-interface';
export { CHANNEL_PROTOCOLS, ChannelProtocolSchema, ChannelSchema } from './channel-interface';
export type { ChannelProtocol, Channel } from './channel-interface';
export {
  ACCOUNT_STATUSES,
  AccountStatusSchema,
  CloudProviderSchema,
  CloudProviderInputSchema,
  AccountFlavorsSchema,
  AccountSchema,
} from './account-interface';
export type { AccountStatus, CloudProvider, CloudProviderInput, AccountFlavors, Account } from './account-interface';
export { USAGE_METRICS, UsageMetricSchema, UsageCurrentSchema, UsageLimitSchema, UsageSchema } from './usage-interface';
export type { UsageMetric, UsageCurrent, UsageLimit, Usage } from './usage-interface';
export { ENVIRONMENT_STATUSES, EnvironmentStatusSchema, EnvironmentSchema } from './environment-interface';
export type { EnvironmentStatus, Environment } from './environment-interface';
export {
  MARKETPLACE_ITEM_STATUSES,
  MarketplaceItemStatusSchema,
  MarketplaceItemRequirementsSchema,
  MarketplaceItemSchema,
} from './marketplace-item-interface';
export type { MarketplaceItemStatus, MarketplaceItemRequirements, MarketplaceItem } from './marketplace-item-interface';
export {
  RESOURCE_TYPES,
  ResourceTypeSchema,
  VOLUME_KINDS,
  VolumeKindSchema,
  ResourceValueSchema,
  ResourceSchema,
} from './resource-interface';
export type { ResourceType, VolumeKind, Resource } from './resource-interface';
export { LinkSchema } from './link-interface';
export type { Link } from './link-interface';
export { OPERATION_KINDS, OPERATION_STATUSES, OperationSchema } from './operation-interface';
export type { Operation, OperationKind, OperationStatus } from './operation-interface';
export {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  NotificationKindSchema,
  NotificationStatusSchema,
  NotificationSchema,
} from './notification-interface';
export type { Notification, NotificationKind, NotificationStatus } from './notification-interface';
