import {
  demoCredentials,
  freemiumCredentials,
  labsOwnerCredentials,
  viewerCredentials,
  type Credentials,
} from './credentials';
import type { InvoiceLine, OrganizationRecord, UserRecord } from './records';
import { seedServices } from './seed-services';
import { seedTenants, type SeedOrganizations, type SeedUsers } from './seed-tenants';
import type { Store } from './store';

/** What a reference API starts with: the demo world, or only the seeded users (no organizations or tenants). */
export type SeedName = 'demo' | 'empty';

/** When the seeded world began: everything it creates is dated from here. */
export const SEED_EPOCH = Date.parse('2026-01-05T09:00:00.000Z');
const DAY = 86_400_000;
const stamp = (store: Store) => ({ createdAt: store.timestamp(), updatedAt: store.timestamp() });

function user(
  store: Store,
  credentials: Credentials,
  fields: Pick<UserRecord, 'name' | 'surname' | 'axebowPlan' | 'companyName'>,
): UserRecord {
  const record: UserRecord = {
    id: store.nextId('usr'),
    ...credentials,
    ...fields,
    notificationsEnabled: true,
    role: 'user',
    ...stamp(store),
  };
  store.users.set(record.id, record);
  return record;
}

function seedUsers(store: Store): SeedUsers {
  return {
    demo: user(store, demoCredentials, {
      name: 'Alex',
      surname: 'Morgan',
      axebowPlan: 'premium',
      companyName: 'Northwind Labs',
    }),
    viewer: user(store, viewerCredentials, {
      name: 'Vera',
      surname: 'Quinn',
      axebowPlan: 'premium',
      companyName: 'Northwind Labs',
    }),
    free: user(store, freemiumCredentials, {
      name: 'Fran',
      surname: 'Ibáñez',
      axebowPlan: 'freemium',
      companyName: '',
    }),
    sam: user(store, labsOwnerCredentials, {
      name: 'Sam',
      surname: 'Ortega',
      axebowPlan: 'premium',
      companyName: 'Northwind Labs',
    }),
  };
}

function organization(store: Store, name: string, owner: UserRecord, members: UserRecord[]): OrganizationRecord {
  const record: OrganizationRecord = {
    id: store.nextId('org'),
    name,
    ownerId: owner.id,
    usersIds: [owner.id, ...members.map((item) => item.id)],
    billingInformation: {
      legalName: name,
      CIFNIF: '',
      email: owner.email,
      language: 'en',
      country: '',
      region: '',
      city: '',
      address: '',
      zipcode: '',
    },
    status: 'active',
    ...stamp(store),
  };
  store.organizations.set(record.id, record);
  return record;
}

function invoice(
  store: Store,
  organization: OrganizationRecord,
  name: string,
  date: string,
  lines: InvoiceLine[],
): void {
  const { legalName, CIFNIF } = organization.billingInformation;
  const id = store.nextId('inv');
  store.invoices.set(id, {
    id,
    organizationId: organization.id,
    name,
    customer: legalName,
    customerCIF: CIFNIF,
    date,
    lines,
  });
}

function seedOrganizations(store: Store, users: SeedUsers): SeedOrganizations {
  const { demo, viewer, free, sam } = users;
  const northwind = organization(store, 'Northwind Labs', demo, [viewer, sam]);
  northwind.billingInformation = {
    legalName: 'Northwind Labs S.L.',
    CIFNIF: 'B87654321',
    email: 'billing@northwind.dev',
    language: 'es',
    country: 'Spain',
    region: 'Madrid',
    city: 'Madrid',
    address: 'Calle de Alcalá 42, 3º',
    zipcode: '28014',
  };
  invoice(store, northwind, 'January 2026', '2026-01-31', [
    { description: 'Compute: 184 vCPU-days', amount: 110.4 },
    { description: 'Memory: 230 GB-days', amount: 30.67 },
    { description: 'Storage: 20 GB', amount: 2 },
  ]);
  invoice(store, northwind, 'February 2026', '2026-02-28', [
    { description: 'Compute: 201 vCPU-days', amount: 120.6 },
    { description: 'Memory: 252 GB-days', amount: 33.6 },
    { description: 'Storage: 22 GB', amount: 2.2 },
  ]);
  invoice(store, northwind, 'March 2026', '2026-03-31', [
    { description: 'Compute: 215 vCPU-days', amount: 129 },
    { description: 'Memory: 268 GB-days', amount: 35.73 },
    { description: 'Storage: 22 GB', amount: 2.2 },
    { description: 'Premium support', amount: 49 },
  ]);
  const sandbox = organization(store, 'Fran Sandbox', free, []);
  return { northwind, sandbox };
}

/** Fills an empty store: `demo` is the whole demo world, `empty` only its users. */
export function seedStore(store: Store, seed: SeedName): void {
  const users = store.at(SEED_EPOCH, () => seedUsers(store));
  if (seed === 'empty') return;
  const ids = store.at(SEED_EPOCH + DAY, () => seedTenants(store, users, seedOrganizations(store, users)));
  seedServices(store, ids, SEED_EPOCH + 5 * DAY);
}
