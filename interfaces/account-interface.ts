import * as z from 'zod';
import { named } from './named';
import {
  DomainListSchema,
  EntityTimestampsSchema,
  IdListSchema,
  IdSchema,
  LogoSchema,
  NameSchema,
  SecretSchema,
  ShortTextSchema,
  UrlSchema,
} from './common';
import { UsageSchema, type Usage } from './usage-interface';

/** Lifecycle states of a cloud account. */
export const ACCOUNT_STATUSES = ['active', 'pending', 'suspended', 'error'] as const;

/** Lifecycle state of a cloud account. */
export const AccountStatusSchema = z.enum(ACCOUNT_STATUSES);

/** Lifecycle state of a cloud account. */
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

/** Cloud provider connection of an account as returned by the backend: never carries `credentialSecret`. */
export const CloudProviderSchema = z.object({
  name: ShortTextSchema.min(1),
  region: ShortTextSchema.optional(),
  interface: ShortTextSchema.optional(),
  apiVersion: ShortTextSchema.optional(),
  authType: ShortTextSchema.optional(),
  authUrl: UrlSchema.optional(),
  credentialId: ShortTextSchema.optional(),
});

/** Cloud provider connection of an account as returned by the backend. */
export interface CloudProvider extends z.output<typeof CloudProviderSchema> {}

/** Cloud provider connection as sent by a client (create/update account): may carry the write-only secret. */
export const CloudProviderInputSchema = CloudProviderSchema.extend({
  credentialSecret: SecretSchema.optional(),
});

/** Cloud provider connection as sent by a client. */
export interface CloudProviderInput extends z.output<typeof CloudProviderInputSchema> {}

/** Provider flavor (machine/storage class) name used for each size. */
export const AccountFlavorsSchema = z.object({
  small: ShortTextSchema,
  medium: ShortTextSchema,
  large: ShortTextSchema,
  volatile: ShortTextSchema,
  nonReplicated: ShortTextSchema,
  persistent: ShortTextSchema,
});

/** Provider flavor name used for each size. */
export interface AccountFlavors extends z.output<typeof AccountFlavorsSchema> {}

/** Cloud account of a tenant; response schema, so an unexpected `credentialSecret` is stripped. */
export const AccountSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  tenant: IdSchema,
  cloudProvider: named<CloudProvider>(CloudProviderSchema),
  logo: LogoSchema,
  environments: IdListSchema,
  services: IdListSchema,
  domains: DomainListSchema,
  status: AccountStatusSchema,
  usage: named<Usage>(UsageSchema),
  flavors: named<AccountFlavors>(AccountFlavorsSchema).optional(),
  organization: IdSchema.optional(),
  ...EntityTimestampsSchema.shape,
});

/** Cloud account of a tenant. */
export interface Account extends z.output<typeof AccountSchema> {}
