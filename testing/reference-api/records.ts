import type { ServiceSpec } from '../../api/contract/service-spec';
import type { ErrorCode } from '../../errors/backend-error';
import type {
  AccountFlavors,
  AccountStatus,
  AxebowPlan,
  BillingInformation,
  CloudProvider,
  EnvironmentStatus,
  InstanceStatus,
  MarketplaceItemStatus,
  OrganizationStatus,
  ResourceType,
  ServiceStatus,
  TenantRole,
  TenantStatus,
  VolumeKind,
} from '../../interfaces';
import type { Notification } from '../../interfaces/notification-interface';
import type { OperationKind } from '../../interfaces/operation-interface';

// What the reference API stores. Records hold write-only values (passwords, secrets) that views never copy.

export interface Timestamps {
  createdAt: string;
  updatedAt: string;
}

export type UserRecord = Timestamps & {
  id: string;
  name: string;
  surname: string;
  email: string;
  /** Write-only: compared at login and changePassword, never returned. */
  password: string;
  notificationsEnabled: boolean;
  axebowPlan: AxebowPlan;
  companyName: string;
  role: string;
};

export interface SessionRecord {
  accessToken: string;
  userId: string;
  expiresAt: number;
  /** The sign-in this access token descends from: a reused refresh token revokes the whole family. */
  familyId: string;
}

export interface RefreshTokenRecord {
  refreshToken: string;
  userId: string;
  familyId: string;
  expiresAt: number;
  /** Whether it was exchanged already: it is single-use, and presenting it again revokes its family. */
  used: boolean;
}

export type ApiTokenRecord = Timestamps & {
  id: string;
  userId: string;
  name: string;
  tenant: string;
  description: string;
  expiration: string;
  lastUsed: string | null;
  /** Write-only: returned once by createToken, accepted as a bearer token. */
  secret: string;
};

export type OrganizationRecord = Timestamps & {
  id: string;
  name: string;
  ownerId: string;
  usersIds: string[];
  billingInformation: BillingInformation;
  status: OrganizationStatus;
};

export interface InvoiceLine {
  description: string;
  amount: number;
}

export interface InvoiceRecord {
  id: string;
  organizationId: string;
  name: string;
  customer: string;
  customerCIF: string;
  date: string;
  lines: InvoiceLine[];
}

export type TenantRecord = Timestamps & { id: string; name: string; organizationId: string; status: TenantStatus };

export interface MembershipRecord {
  tenantId: string;
  userId: string;
  role: TenantRole;
}

export type AccountRecord = Timestamps & {
  id: string;
  tenant: string;
  name: string;
  logo: string;
  cloudProvider: CloudProvider;
  /** Write-only: never returned. */
  credentialSecret: string;
  domains: string[];
  flavors: AccountFlavors;
  status: AccountStatus;
};

export interface Limits {
  cpu: number;
  memory: number;
}

export type EnvironmentRecord = Timestamps & {
  id: string;
  tenant: string;
  account: string;
  name: string;
  logo: string;
  labels: string[];
  domains: string[];
  /** Explicit quota; undefined follows the plan of the tenant's owner (see DEFAULT_ENVIRONMENT_LIMITS). */
  limits: Limits | undefined;
  status: EnvironmentStatus;
};

export type InstanceRecord = Timestamps & {
  id: string;
  role: string;
  name: string;
  status: InstanceStatus;
  restartCount: number;
  startedAt: string;
  logs: string[];
};

export type ServiceRecord = Timestamps & {
  id: string;
  tenant: string;
  /** The spec that runs (for a first deployment: the one being deployed). */
  spec: ServiceSpec;
  /** The spec an operation in progress is rolling out (update, scale, rollback). */
  pendingSpec: ServiceSpec | undefined;
  status: ServiceStatus;
  instances: InstanceRecord[];
  revisionIds: string[];
  currentRevision: string | undefined;
  /** The operation in progress on this service; others are refused with 409 meanwhile. */
  busyWith: string | undefined;
  marketplaceItem: string | undefined;
  lastDeployed: string | undefined;
  startedAt: string | undefined;
};

export interface RevisionRecord {
  id: string;
  service: string;
  number: number;
  spec: ServiceSpec;
  createdAt: string;
}

export type ResourceRecord = Timestamps & {
  id: string;
  tenant: string;
  type: ResourceType;
  name: string;
  /** Write-only for `secret` and `certificate` resources. */
  value: string;
  kind: VolumeKind | undefined;
  maxItems: number | undefined;
};

/** What a marketplace item deploys: a service spec without the names the caller chooses. */
export type ServiceTemplate = Omit<ServiceSpec, 'name' | 'environment' | 'account' | 'resources'>;

export type MarketplaceItemRecord = Timestamps & {
  id: string;
  tenant: string;
  name: string;
  logo: string;
  description: string;
  version: string;
  type: string;
  domain: string | undefined;
  status: Extract<MarketplaceItemStatus, 'available' | 'deprecated'>;
  template: ServiceTemplate;
};

export interface ChannelRef {
  service: string;
  channel: string;
}

export interface LinkRecord {
  tenant: string;
  name: string;
  origin: ChannelRef;
  target: ChannelRef;
  createdAt: string;
}

export interface OperationTarget {
  type: 'service' | 'instance';
  id: string;
  tenant: string;
}

export interface OperationRecord {
  id: string;
  kind: OperationKind;
  target: OperationTarget;
  startedAt: number;
  durationMs: number;
  /** Set when the operation is bound to fail; applied when it ends. */
  failure: { code: ErrorCode; message: string } | undefined;
  /** Whether its effect (or failure) has been applied to the store. */
  settled: boolean;
  /** The user whose request started it: told how it ended. Absent in data saved before it was recorded. */
  startedBy?: string;
  onSuccess: () => void;
  onFailure: () => void;
}

/** A notification kept for one user (`userId`); the view leaves `userId` out. */
export type NotificationRecord = Notification & { userId: string };
