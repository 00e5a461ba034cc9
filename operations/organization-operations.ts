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
import { OrganizationSchema } from '../interfaces/organization-interface';
import { defineOperations } from './define-operations';

export const organizationOperations = defineOperations({
  createOrganization: {
    summary: routes.createOrganization.summary,
    input: CreateOrganizationInputSchema,
    output: OrganizationSchema,
  },
  updateOrganization: {
    summary: routes.updateOrganization.summary,
    input: UpdateOrganizationInputSchema,
    output: OrganizationSchema,
  },
  deleteOrganization: {
    summary: routes.deleteOrganization.summary,
    input: DeleteOrganizationInputSchema,
    output: DeleteOrganizationInputSchema,
  },
  updateBillingInformation: {
    summary: routes.updateBillingInformation.summary,
    input: UpdateBillingInformationInputSchema,
    output: OrganizationSchema,
  },
  loadInvoices: { summary: routes.loadInvoices.summary, input: LoadInvoicesInputSchema, output: InvoiceListSchema },
  downloadInvoice: {
    summary: routes.downloadInvoice.summary,
    input: DownloadInvoiceInputSchema,
    output: InvoiceFileSchema,
  },
  addOrganizationMember: {
    summary: routes.addOrganizationMember.summary,
    input: AddOrganizationMemberInputSchema,
    output: OrganizationSchema,
  },
  removeOrganizationMember: {
    summary: routes.removeOrganizationMember.summary,
    input: RemoveOrganizationMemberInputSchema,
    output: OrganizationSchema,
  },
});
