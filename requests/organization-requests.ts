import type {
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
} from '../api/contract/organization-routes';
import type { Declarations, RequestTypes } from './define-request';
import {
  AddOrganizationMemberInputSchema,
  CreateOrganizationInputSchema,
  DeleteOrganizationInputSchema,
  DownloadInvoiceInputSchema,
  InvoiceFileSchema,
  InvoiceListSchema,
  LoadInvoicesInputSchema,
  organizationRoutes as routes,
  RemoveOrganizationMemberInputSchema,
  UpdateBillingInformationInputSchema,
  UpdateOrganizationInputSchema,
} from '../api/contract/organization-routes';
import { OrganizationSchema, type Organization } from '../interfaces/organization-interface';
import { removeOrganization } from '../state/removals';
import { removeById, updateUser, upsertById } from '../state/tree';
import type { UserState } from '../state/user-state';
import { defineRequest } from './define-request';
import { sendAndEcho, sendList } from './route-calls';

const PDF = 'application/pdf';

const putOrganization = (state: UserState, organization: Organization): UserState =>
  updateUser(state, (user) => ({ ...user, organizations: upsertById(user.organizations, organization) }));

/** The types of this domain's requests, by name: input, success payload, long-running or not. */
export interface OrganizationRequestTypes {
  createOrganization: RequestTypes<CreateOrganizationInput, Organization>;
  updateOrganization: RequestTypes<UpdateOrganizationInput, Organization>;
  deleteOrganization: RequestTypes<DeleteOrganizationInput, DeleteOrganizationInput>;
  updateBillingInformation: RequestTypes<UpdateBillingInformationInput, Organization>;
  loadInvoices: RequestTypes<LoadInvoicesInput, InvoiceList>;
  downloadInvoice: RequestTypes<DownloadInvoiceInput, InvoiceFile>;
  addOrganizationMember: RequestTypes<AddOrganizationMemberInput, Organization>;
  removeOrganizationMember: RequestTypes<RemoveOrganizationMemberInput, Organization>;
}

/** Organizations, their billing information, invoices and members. */
export const organizationRequests: Declarations<OrganizationRequestTypes> = {
  createOrganization: defineRequest({
    route: routes.createOrganization,
    input: CreateOrganizationInputSchema,
    output: OrganizationSchema,
    reduce: putOrganization,
  }),
  updateOrganization: defineRequest({
    route: routes.updateOrganization,
    input: UpdateOrganizationInputSchema,
    output: OrganizationSchema,
    reduce: putOrganization,
  }),
  deleteOrganization: defineRequest({
    route: routes.deleteOrganization,
    input: DeleteOrganizationInputSchema,
    output: DeleteOrganizationInputSchema,
    call: sendAndEcho,
    reduce: (state, { organizationId }) => removeOrganization(state, organizationId),
  }),
  updateBillingInformation: defineRequest({
    route: routes.updateBillingInformation,
    input: UpdateBillingInformationInputSchema,
    output: OrganizationSchema,
    // The body is the billing information itself, not an object holding it.
    call: ({ organizationId, billingInformation }, api) =>
      api.send({ params: { organizationId }, body: billingInformation }),
    reduce: putOrganization,
  }),
  loadInvoices: defineRequest({
    route: routes.loadInvoices,
    input: LoadInvoicesInputSchema,
    output: InvoiceListSchema,
    call: sendList,
  }),
  downloadInvoice: defineRequest({
    route: routes.downloadInvoice,
    input: DownloadInvoiceInputSchema,
    output: InvoiceFileSchema,
    call: async (input, api) => ({ ...input, contentType: PDF, data: await api.send({ params: input }) }),
  }),
  addOrganizationMember: defineRequest({
    route: routes.addOrganizationMember,
    input: AddOrganizationMemberInputSchema,
    output: OrganizationSchema,
    reduce: putOrganization,
  }),
  removeOrganizationMember: defineRequest({
    route: routes.removeOrganizationMember,
    input: RemoveOrganizationMemberInputSchema,
    output: OrganizationSchema,
    // Leaving an organization removes it from the signed-in user's tree.
    reduce: (state, organization, { userId }) =>
      state?.id === userId
        ? updateUser(state, (user) => ({ ...user, organizations: removeById(user.organizations, organization.id) }))
        : putOrganization(state, organization),
  }),
};
