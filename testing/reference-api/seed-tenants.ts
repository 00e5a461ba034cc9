import type { AccountFlavors, CloudProvider, ResourceType, TenantRole, VolumeKind } from '../../interfaces';
import { stockMarketplace } from './catalog';
import { flavorsFor } from './handlers/account-handlers';
import type { Limits, OrganizationRecord, UserRecord } from './records';
import type { SeedIds } from './seed-services';
import type { Store } from './store';

/** The users the seed creates. */
export type SeedUsers = Record<'demo' | 'viewer' | 'free' | 'sam', UserRecord>;
/** The organizations the seed creates. */
export type SeedOrganizations = Record<'northwind' | 'sandbox', OrganizationRecord>;

const stamp = (store: Store) => ({ createdAt: store.timestamp(), updatedAt: store.timestamp() });

function tenant(store: Store, name: string, organizationId: string, members: Array<[UserRecord, TenantRole]>): string {
  const id = store.nextId('ten');
  store.tenants.set(id, { id, name, organizationId, status: 'active', ...stamp(store) });
  for (const [member, role] of members) store.addMember(id, member.id, role);
  stockMarketplace(store, id);
  return id;
}

function account(store: Store, tenantId: string, name: string, cloudProvider: CloudProvider, secret: string): string {
  const id = store.nextId('acc');
  const flavors: AccountFlavors = flavorsFor(cloudProvider.name);
  store.accounts.set(id, {
    id,
    tenant: tenantId,
    name,
    logo: `https://cdn.aurora.dev/logos/${cloudProvider.name}.svg`,
    cloudProvider,
    credentialSecret: secret,
    domains: [],
    flavors,
    status: /expired|invalid/.test(secret) ? 'error' : 'active',
    ...stamp(store),
  });
  return id;
}

function environment(
  store: Store,
  tenantId: string,
  accountId: string,
  name: string,
  labels: string[],
  limits: Limits | undefined,
  domains: string[] = [],
): string {
  const id = store.nextId('env');
  store.environments.set(id, {
    id,
    tenant: tenantId,
    account: accountId,
    name,
    logo: '',
    labels,
    domains,
    limits,
    status: 'active',
    ...stamp(store),
  });
  return id;
}

function resource(
  store: Store,
  tenantId: string,
  type: ResourceType,
  name: string,
  value: string,
  kind?: VolumeKind,
): string {
  const id = store.nextId('res');
  store.resources.set(id, { id, tenant: tenantId, type, name, value, kind, maxItems: undefined, ...stamp(store) });
  return id;
}

/** The three tenants of the demo world, with their members, accounts, environments, resources and a token. */
export function seedTenants(store: Store, users: SeedUsers, organizations: SeedOrganizations): SeedIds {
  const { demo, viewer, free, sam } = users;
  const { northwind, sandbox } = organizations;
  const prod = tenant(store, 'northwind-prod', northwind.id, [
    [demo, 'owner'],
    [viewer, 'viewer'],
    [sam, 'member'],
  ]);
  const labs = tenant(store, 'northwind-labs', northwind.id, [
    [sam, 'owner'],
    [demo, 'admin'],
    [free, 'member'],
    [viewer, 'viewer'],
  ]);
  const fran = tenant(store, 'fran-sandbox', sandbox.id, [[free, 'owner']]);

  const aws = account(
    store,
    prod,
    'aws-production',
    { name: 'aws', region: 'eu-west-1', authType: 'accessKey', credentialId: 'AKIA4NORTHWIND7EXAMPLE' },
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYNORTHWINDKEY',
  );
  const madrid = account(
    store,
    prod,
    'openstack-madrid',
    {
      name: 'openstack',
      region: 'RegionOne',
      interface: 'public',
      apiVersion: '3',
      authType: 'password',
      authUrl: 'https://keystone.madrid.example.net:5000/v3',
      credentialId: 'northwind-ci',
    },
    'os-madrid-S3cr3t-pass',
  );
  const research = account(
    store,
    labs,
    'openstack-labs',
    {
      name: 'openstack',
      region: 'RegionTwo',
      apiVersion: '3',
      authType: 'password',
      authUrl: 'https://keystone.labs.example.net:5000/v3',
      credentialId: 'labs-bot',
    },
    'os-labs-S3cr3t-pass',
  );
  account(
    store,
    labs,
    'aws-legacy',
    { name: 'aws', region: 'us-east-1', authType: 'accessKey', credentialId: 'AKIA4LEGACY0EXAMPLE' },
    'expired-legacy-aws-key-2024',
  );
  const franCloud = account(
    store,
    fran,
    'openstack-free',
    {
      name: 'openstack',
      region: 'RegionOne',
      authType: 'password',
      authUrl: 'https://keystone.free.example.net:5000/v3',
      credentialId: 'fran',
    },
    'os-free-S3cr3t-pass',
  );

  const ids: SeedIds = {
    prod,
    labs,
    fran,
    production: environment(store, prod, aws, 'production', ['prod', 'eu'], { cpu: 16, memory: 32_768 }, [
      'northwind.dev',
    ]),
    staging: environment(store, prod, madrid, 'staging', ['staging'], { cpu: 8, memory: 16_384 }),
    research: environment(store, labs, research, 'research', ['lab'], { cpu: 32, memory: 65_536 }),
    dev: environment(store, fran, franCloud, 'dev', ['dev'], undefined),
    aws,
    madrid,
    labsCloud: research,
    franCloud,
    dbPassword: resource(store, prod, 'secret', 'db-password', 'pg-Sup3r-S3cret!'),
    shopData: resource(store, prod, 'volume', 'shop-data', '20480', 'persistent'),
    shopDomain: resource(store, prod, 'domain', 'shop-domain', 'shop.northwind.dev'),
    httpsPort: resource(store, prod, 'port', 'public-https', '443'),
    shopTls: resource(
      store,
      prod,
      'certificate',
      'shop-tls',
      '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUNorthwindShopTls\n-----END CERTIFICATE-----',
    ),
    scratch: resource(store, prod, 'volume', 'cache-scratch', '2048', 'volatile'),
    logLevel: resource(store, prod, 'string', 'log-level', 'info'),
    stripeKey: resource(store, prod, 'secret', 'stripe-api-key', 'sk_live_northwind_51HxExampleKey'),
    notebookData: resource(store, labs, 'volume', 'notebook-data', '10240', 'nonReplicated'),
  };
  resource(store, fran, 'string', 'greeting', 'hello from the sandbox');
  const token = {
    id: store.nextId('tok'),
    userId: demo.id,
    name: 'ci-pipeline',
    tenant: prod,
    description: 'Deploys from the CI of the shop repository',
    expiration: '2030-01-01T00:00:00.000Z',
    lastUsed: '2026-03-02T08:15:00.000Z',
    secret: `aur_${globalThis.crypto.randomUUID().replaceAll('-', '')}`,
    ...stamp(store),
  };
  store.tokens.set(token.id, token);
  return ids;
}
