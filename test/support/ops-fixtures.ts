import type { BackendHandler } from '../../backend-handler';
import type { RequestName } from '../../event-names';
import type { BillingInformation } from '../../interfaces/organization-interface';
import type { ReferenceContext } from './reference';
import type { LoggedEvent } from './setup';

// Inputs and look-ups that several ops-*.test.ts files share.

// Seeded ids (testing/reference-api/seed-tenants.ts): the demo user owns ten-1 (northwind-prod) and is admin of
// ten-2 (northwind-labs); the viewer is viewer in both.
export const PROD = 'ten-1';
export const LABS = 'ten-2';
export const ACCOUNT_SECRET = 'gcp-Sup3r-S3cret-credential-4f7a';
export const RESOURCE_SECRET = 'sk_test_very-secret-value-91c2';

/** Tenant `id` in the handler's state. */
export const tenantIn = (handler: BackendHandler, id: string) =>
  handler.getState()?.tenants.find((tenant) => tenant.id === id);

/** The events after the first one, which must be the request event of `operation` (the only one holding its input). */
export function afterRequestEvent(entries: readonly LoggedEvent[], operation: RequestName): LoggedEvent[] {
  expect(entries[0]?.event).toBe(operation);
  return entries.slice(1);
}

/** The payloads of every `state:changed` in `entries`. */
export const statePayloads = (entries: readonly LoggedEvent[]): unknown[] =>
  entries.filter(({ event }) => event === 'state:changed').map(({ args }) => args[0]);

export const newAccount = {
  tenantId: PROD,
  name: 'gcp-analytics',
  logo: 'https://cdn.aurora.dev/logos/gcp.svg',
  cloudProvider: {
    name: 'gcp',
    region: 'europe-west1',
    authType: 'serviceAccount',
    credentialId: 'deployer@northwind.iam.gserviceaccount.com',
    credentialSecret: ACCOUNT_SECRET,
  },
};

export const BILLING: BillingInformation = {
  legalName: 'Northwind Group S.A.',
  CIFNIF: 'A12345678',
  email: 'invoices@northwind.dev',
  language: 'en',
  country: 'Spain',
  region: 'Catalonia',
  city: 'Barcelona',
  address: 'Passeig de Gràcia 10',
  zipcode: '08007',
};

/** The organization `id` in the handler's state. */
export const organizationIn = ({ handler }: ReferenceContext, id: string) =>
  handler.getState()?.organizations.find((organization) => organization.id === id);
