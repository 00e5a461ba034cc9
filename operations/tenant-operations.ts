import { AccountSchema } from '../interfaces/account-interface';
import { EnvironmentSchema } from '../interfaces/environment-interface';
import { ResourceSchema } from '../interfaces/resource-interface';
import { TenantSchema } from '../interfaces/tenant-interface';
import {
  accountRoutes,
  CreateAccountInputSchema,
  CredentialsCheckSchema,
  DeleteAccountInputSchema,
  UpdateAccountInputSchema,
  ValidateAccountCredentialsInputSchema,
} from '../api/contract/account-routes';
import {
  CreateEnvironmentInputSchema,
  DeleteEnvironmentInputSchema,
  environmentRoutes,
  UpdateEnvironmentInputSchema,
} from '../api/contract/environment-routes';
import {
  CreateResourceInputSchema,
  DeleteResourceInputSchema,
  resourceRoutes,
  UpdateResourceInputSchema,
} from '../api/contract/resource-routes';
import {
  ChangeTenantUserRoleInputSchema,
  CreateTenantInputSchema,
  DeleteTenantInputSchema,
  InviteTenantUserInputSchema,
  RemoveTenantUserInputSchema,
  TenantMemberSchema,
  tenantRoutes,
  UpdateTenantInputSchema,
} from '../api/contract/tenant-routes';
import { defineOperations } from './define-operations';

/** Tenants and what lives directly in them: members, cloud accounts, environments and resources. */
export const tenantOperations = defineOperations({
  createTenant: { summary: tenantRoutes.createTenant.summary, input: CreateTenantInputSchema, output: TenantSchema },
  updateTenant: { summary: tenantRoutes.updateTenant.summary, input: UpdateTenantInputSchema, output: TenantSchema },
  deleteTenant: {
    summary: tenantRoutes.deleteTenant.summary,
    input: DeleteTenantInputSchema,
    output: DeleteTenantInputSchema,
  },
  inviteTenantUser: {
    summary: tenantRoutes.inviteTenantUser.summary,
    input: InviteTenantUserInputSchema,
    output: TenantMemberSchema,
  },
  removeTenantUser: {
    summary: tenantRoutes.removeTenantUser.summary,
    input: RemoveTenantUserInputSchema,
    output: RemoveTenantUserInputSchema,
  },
  changeTenantUserRole: {
    summary: tenantRoutes.changeTenantUserRole.summary,
    input: ChangeTenantUserRoleInputSchema,
    output: TenantMemberSchema,
  },
  createAccount: {
    summary: accountRoutes.createAccount.summary,
    input: CreateAccountInputSchema,
    output: AccountSchema,
  },
  updateAccount: {
    summary: accountRoutes.updateAccount.summary,
    input: UpdateAccountInputSchema,
    output: AccountSchema,
  },
  deleteAccount: {
    summary: accountRoutes.deleteAccount.summary,
    input: DeleteAccountInputSchema,
    output: DeleteAccountInputSchema,
  },
  validateAccountCredentials: {
    summary: accountRoutes.validateAccountCredentials.summary,
    input: ValidateAccountCredentialsInputSchema,
    output: CredentialsCheckSchema,
  },
  createEnvironment: {
    summary: environmentRoutes.createEnvironment.summary,
    input: CreateEnvironmentInputSchema,
    output: EnvironmentSchema,
  },
  updateEnvironment: {
    summary: environmentRoutes.updateEnvironment.summary,
    input: UpdateEnvironmentInputSchema,
    output: EnvironmentSchema,
  },
  deleteEnvironment: {
    summary: environmentRoutes.deleteEnvironment.summary,
    input: DeleteEnvironmentInputSchema,
    output: DeleteEnvironmentInputSchema,
  },
  createResource: {
    summary: resourceRoutes.createResource.summary,
    input: CreateResourceInputSchema,
    output: ResourceSchema,
  },
  updateResource: {
    summary: resourceRoutes.updateResource.summary,
    input: UpdateResourceInputSchema,
    output: ResourceSchema,
  },
  deleteResource: {
    summary: resourceRoutes.deleteResource.summary,
    input: DeleteResourceInputSchema,
    output: DeleteResourceInputSchema,
  },
});
