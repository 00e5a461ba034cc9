import * as z from 'zod';
import { named } from './named';
import {
  CostSchema,
  DateSchema,
  EmailSchema,
  EntityTimestampsSchema,
  IdListSchema,
  IdSchema,
  NameSchema,
  ShortTextSchema,
  UrlSchema,
} from './common';

/** Lifecycle states of an organization. */
export const ORGANIZATION_STATUSES = ['active', 'pending', 'suspended', 'error'] as const;

/** Lifecycle state of an organization. */
export const OrganizationStatusSchema = z.enum(ORGANIZATION_STATUSES);

/** Lifecycle state of an organization. */
export type OrganizationStatus = z.infer<typeof OrganizationStatusSchema>;

/** Billing details of an organization (`CIFNIF` is the Spanish tax id, kept as in the seed). */
export const BillingInformationSchema = z.object({
  legalName: z.string().trim().min(1).max(200),
  CIFNIF: z.string().trim().max(32),
  email: EmailSchema,
  language: z.string().max(35),
  country: z.string().max(100),
  region: z.string().max(100),
  city: z.string().max(100),
  address: z.string().max(500),
  zipcode: z.string().max(20),
});

/** Billing details of an organization. */
export interface BillingInformation extends z.output<typeof BillingInformationSchema> {}

/** Invoice issued to an organization; `date` is an ISO date or date-time, `invoiceFile` a download URL. */
export const InvoiceSchema = z.object({
  id: IdSchema,
  name: ShortTextSchema,
  customer: ShortTextSchema,
  customerCIF: z.string().trim().max(32),
  cost: CostSchema,
  date: DateSchema,
  invoiceFile: UrlSchema,
});

/** Invoice issued to an organization. */
export interface Invoice extends z.output<typeof InvoiceSchema> {}

/** Organization: billing entity grouping users and tenants. */
export const OrganizationSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  usersIds: IdListSchema,
  tenantsIds: IdListSchema,
  billingInformation: named<BillingInformation>(BillingInformationSchema),
  invoices: z.array(named<Invoice>(InvoiceSchema)).max(10_000),
  status: OrganizationStatusSchema.optional(),
  ...EntityTimestampsSchema.shape,
});

/** Organization: billing entity grouping users and tenants. */
export interface Organization extends z.output<typeof OrganizationSchema> {}
