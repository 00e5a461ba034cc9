import * as z from 'zod';
import { named } from '../../interfaces/named';
import { EmailSchema, IdSchema, NameSchema } from '../../interfaces/common';
import {
  BillingInformationSchema,
  InvoiceSchema,
  OrganizationSchema,
  type Invoice,
  type Organization,
} from '../../interfaces/organization-interface';
import { defineRoute } from './define-route';
import { ListQueryParamsSchema, listResponseSchema, RequestListQuerySchema } from './list-query';

const OrganizationParams = { organizationId: IdSchema };
const InvoiceParams = { ...OrganizationParams, invoiceId: IdSchema };
const MemberParams = { ...OrganizationParams, userId: IdSchema };

const CreateOrganizationBody = { name: NameSchema, billingInformation: BillingInformationSchema.strict().optional() };
const UpdateOrganizationBody = { name: NameSchema };
const MemberBody = { email: EmailSchema };

export const CreateOrganizationInputSchema = z.strictObject(CreateOrganizationBody);
export interface CreateOrganizationInput extends z.input<typeof CreateOrganizationInputSchema> {}
export const UpdateOrganizationInputSchema = z.strictObject({ ...OrganizationParams, ...UpdateOrganizationBody });
export interface UpdateOrganizationInput extends z.input<typeof UpdateOrganizationInputSchema> {}
export const DeleteOrganizationInputSchema = z.strictObject(OrganizationParams);
export interface DeleteOrganizationInput extends z.input<typeof DeleteOrganizationInputSchema> {}
export const UpdateBillingInformationInputSchema = z.strictObject({
  ...OrganizationParams,
  billingInformation: BillingInformationSchema.strict(),
});
export interface UpdateBillingInformationInput extends z.input<typeof UpdateBillingInformationInputSchema> {}
export const LoadInvoicesInputSchema = z.strictObject({
  ...OrganizationParams,
  query: RequestListQuerySchema.optional(),
});
export interface LoadInvoicesInput extends z.input<typeof LoadInvoicesInputSchema> {}
export const DownloadInvoiceInputSchema = z.strictObject(InvoiceParams);
export interface DownloadInvoiceInput extends z.input<typeof DownloadInvoiceInputSchema> {}
export const AddOrganizationMemberInputSchema = z.strictObject({ ...OrganizationParams, ...MemberBody });
export interface AddOrganizationMemberInput extends z.input<typeof AddOrganizationMemberInputSchema> {}
export const RemoveOrganizationMemberInputSchema = z.strictObject(MemberParams);
export interface RemoveOrganizationMemberInput extends z.input<typeof RemoveOrganizationMemberInputSchema> {}

export const InvoiceListSchema = listResponseSchema(named<Invoice>(InvoiceSchema));
export interface InvoiceList extends z.output<typeof InvoiceListSchema> {}

/** The success payload of `downloadInvoice`: the file's bytes, not JSON. */
export const InvoiceFileSchema = z.object({
  organizationId: IdSchema,
  invoiceId: IdSchema,
  contentType: z.string().max(100),
  data: z.instanceof(ArrayBuffer),
});
export interface InvoiceFile extends z.output<typeof InvoiceFileSchema> {}

const base = '/organizations/{organizationId}' as const;

export const organizationRoutes = {
  createOrganization: defineRoute({
    id: 'createOrganization',
    method: 'POST',
    path: '/organizations',
    summary: 'Create an organization owned by the signed-in user',
    body: z.strictObject(CreateOrganizationBody),
    response: named<Organization>(OrganizationSchema),
    successStatus: 201,
  }),
  updateOrganization: defineRoute({
    id: 'updateOrganization',
    method: 'PATCH',
    path: base,
    summary: 'Rename an organization',
    params: z.strictObject(OrganizationParams),
    body: z.strictObject(UpdateOrganizationBody),
    response: named<Organization>(OrganizationSchema),
    successStatus: 200,
  }),
  deleteOrganization: defineRoute({
    id: 'deleteOrganization',
    method: 'DELETE',
    path: base,
    summary: 'Delete an organization that has no tenants',
    params: z.strictObject(OrganizationParams),
    response: z.undefined(),
    successStatus: 204,
  }),
  updateBillingInformation: defineRoute({
    id: 'updateBillingInformation',
    method: 'PUT',
    path: `${base}/billing`,
    summary: 'Replace the billing information of an organization',
    params: z.strictObject(OrganizationParams),
    body: BillingInformationSchema.strict(),
    response: named<Organization>(OrganizationSchema),
    successStatus: 200,
  }),
  loadInvoices: defineRoute({
    id: 'loadInvoices',
    method: 'GET',
    path: `${base}/invoices`,
    summary: 'List the invoices of an organization',
    params: z.strictObject(OrganizationParams),
    query: ListQueryParamsSchema,
    response: named<InvoiceList>(InvoiceListSchema),
    successStatus: 200,
  }),
  downloadInvoice: defineRoute({
    id: 'downloadInvoice',
    method: 'GET',
    path: `${base}/invoices/{invoiceId}/file`,
    summary: 'Download an invoice as PDF',
    params: z.strictObject(InvoiceParams),
    response: z.instanceof(ArrayBuffer),
    successStatus: 200,
    responseType: 'binary',
  }),
  addOrganizationMember: defineRoute({
    id: 'addOrganizationMember',
    method: 'POST',
    path: `${base}/members`,
    summary: 'Add a registered user to an organization by email',
    params: z.strictObject(OrganizationParams),
    body: z.strictObject(MemberBody),
    response: named<Organization>(OrganizationSchema),
    successStatus: 200,
  }),
  removeOrganizationMember: defineRoute({
    id: 'removeOrganizationMember',
    method: 'DELETE',
    path: `${base}/members/{userId}`,
    summary: 'Remove a user from an organization',
    params: z.strictObject(MemberParams),
    response: named<Organization>(OrganizationSchema),
    successStatus: 200,
  }),
} as const;
