import * as z from 'zod';
import { named } from '../../interfaces/named';
import { IdSchema, LogoSchema, NameSchema, SecretSchema } from '../../interfaces/common';
import { AccountSchema, CloudProviderInputSchema, type Account } from '../../interfaces/account-interface';
import { defineRoute } from './define-route';

const TenantParams = { tenantId: IdSchema };
const AccountParams = { ...TenantParams, accountId: IdSchema };

// Creating an account needs credentials; the secret is write-only and never comes back.
const NewCloudProviderSchema = CloudProviderInputSchema.extend({
  credentialId: CloudProviderInputSchema.shape.credentialId.unwrap().min(1),
  credentialSecret: SecretSchema,
}).strict();
const CreateAccountBody = { name: NameSchema, logo: LogoSchema.optional(), cloudProvider: NewCloudProviderSchema };
const UpdateAccountBody = {
  name: NameSchema.optional(),
  logo: LogoSchema.optional(),
  cloudProvider: CloudProviderInputSchema.partial().strict().optional(),
};

export const CreateAccountInputSchema = z.strictObject({ ...TenantParams, ...CreateAccountBody });
export interface CreateAccountInput extends z.input<typeof CreateAccountInputSchema> {}
export const UpdateAccountInputSchema = z
  .strictObject({ ...AccountParams, ...UpdateAccountBody })
  .refine((input) => Object.keys(input).length > 2, 'Give at least one field to change');
export interface UpdateAccountInput extends z.input<typeof UpdateAccountInputSchema> {}
export const DeleteAccountInputSchema = z.strictObject(AccountParams);
export interface DeleteAccountInput extends z.input<typeof DeleteAccountInputSchema> {}
export const ValidateAccountCredentialsInputSchema = z.strictObject(AccountParams);
export interface ValidateAccountCredentialsInput extends z.input<typeof ValidateAccountCredentialsInputSchema> {}

/** Whether the cloud provider accepted the account's stored credentials, and the account as the check left it. */
export const CredentialsCheckSchema = z.object({
  accountId: IdSchema,
  valid: z.boolean(),
  message: z.string().max(1000),
  account: named<Account>(AccountSchema),
});
export interface CredentialsCheck extends z.output<typeof CredentialsCheckSchema> {}

const base = '/tenants/{tenantId}/accounts' as const;

export const accountRoutes = {
  createAccount: defineRoute({
    id: 'createAccount',
    method: 'POST',
    path: base,
    summary: 'Connect a cloud account to a tenant',
    params: z.strictObject(TenantParams),
    body: z.strictObject(CreateAccountBody),
    response: named<Account>(AccountSchema),
    successStatus: 201,
    secretFields: ['cloudProvider.credentialSecret'],
  }),
  updateAccount: defineRoute({
    id: 'updateAccount',
    method: 'PATCH',
    path: `${base}/{accountId}`,
    summary: 'Rename a cloud account or rotate its credentials',
    params: z.strictObject(AccountParams),
    body: z.strictObject(UpdateAccountBody),
    response: named<Account>(AccountSchema),
    successStatus: 200,
    secretFields: ['cloudProvider.credentialSecret'],
  }),
  deleteAccount: defineRoute({
    id: 'deleteAccount',
    method: 'DELETE',
    path: `${base}/{accountId}`,
    summary: 'Disconnect a cloud account that has no environments',
    params: z.strictObject(AccountParams),
    response: z.undefined(),
    successStatus: 204,
  }),
  validateAccountCredentials: defineRoute({
    id: 'validateAccountCredentials',
    method: 'POST',
    path: `${base}/{accountId}/validate`,
    summary: "Check the account's credentials against its cloud provider",
    params: z.strictObject(AccountParams),
    response: named<CredentialsCheck>(CredentialsCheckSchema),
    successStatus: 200,
  }),
} as const;
