import type {
  CreateAccountInput,
  CredentialsCheck,
  DeleteAccountInput,
  UpdateAccountInput,
  ValidateAccountCredentialsInput,
} from '../api/contract/account-routes';
import type { Account } from '../interfaces/account-interface';
import type { Declarations, RequestTypes } from './define-request';
import {
  accountRoutes as routes,
  CreateAccountInputSchema,
  CredentialsCheckSchema,
  DeleteAccountInputSchema,
  UpdateAccountInputSchema,
  ValidateAccountCredentialsInputSchema,
} from '../api/contract/account-routes';
import { AccountSchema } from '../interfaces/account-interface';
import { storeAccount } from '../state/infrastructure-tree';
import { removeAccount } from '../state/removals';
import { defineRequest } from './define-request';
import { sendAndEcho } from './route-calls';

/** The types of this domain's requests, by name: input, success payload, long-running or not. */
export interface AccountRequestTypes {
  createAccount: RequestTypes<CreateAccountInput, Account>;
  updateAccount: RequestTypes<UpdateAccountInput, Account>;
  deleteAccount: RequestTypes<DeleteAccountInput, DeleteAccountInput>;
  validateAccountCredentials: RequestTypes<ValidateAccountCredentialsInput, CredentialsCheck>;
}

/** Cloud accounts of a tenant. Credentials are sent on create and update and never come back. */
export const accountRequests: Declarations<AccountRequestTypes> = {
  createAccount: defineRequest({
    route: routes.createAccount,
    input: CreateAccountInputSchema,
    output: AccountSchema,
    reduce: storeAccount,
  }),
  updateAccount: defineRequest({
    route: routes.updateAccount,
    input: UpdateAccountInputSchema,
    output: AccountSchema,
    reduce: storeAccount,
  }),
  deleteAccount: defineRequest({
    route: routes.deleteAccount,
    input: DeleteAccountInputSchema,
    output: DeleteAccountInputSchema,
    call: sendAndEcho,
    reduce: (state, { tenantId, accountId }) => removeAccount(state, tenantId, accountId),
  }),
  validateAccountCredentials: defineRequest({
    route: routes.validateAccountCredentials,
    input: ValidateAccountCredentialsInputSchema,
    output: CredentialsCheckSchema,
    // The check marks the account active or in error; the answer carries the account as it is now.
    reduce: (state, check) => storeAccount(state, check.account),
  }),
};
