import type {
  Account,
  Channel,
  Container,
  Environment,
  Instance,
  Invoice,
  MarketplaceItem,
  Notification,
  Organization,
  Resource,
  Service,
  ServiceRole,
  Tenant,
  Token,
  Usage,
  User,
} from '../../interfaces';

const TS = '2024-05-01T10:00:00Z';

/** A valid Usage for tests; `overrides` replace top-level fields. */
export const buildUsage = (overrides: Partial<Usage> = {}): Usage => ({
  current: { cpu: 1.5, memory: 2048, storage: 10, volatileStorage: 1, nonReplicatedStorage: 2, persistentStorage: 3 },
  limit: {
    cpu: { max: 4, min: 0.5 },
    memory: { max: 8192, min: 512 },
    storage: { max: 100, min: 0 },
    volatileStorage: { max: 10, min: 0 },
    nonReplicatedStorage: { max: 10, min: 0 },
    persistentStorage: { max: 50, min: 0 },
  },
  cost: 12.5,
  ...overrides,
});

/** A valid Container for tests; `overrides` replace top-level fields. */
export const buildContainer = (overrides: Partial<Container> = {}): Container => ({
  name: 'web',
  ready: true,
  restartCount: 2,
  metrics: { cpu: 0.25, memory: 256 },
  state: { status: 'running', startedAt: TS },
  ...overrides,
});

/** A valid Instance for tests; `overrides` replace top-level fields. */
export const buildInstance = (overrides: Partial<Instance> = {}): Instance => ({
  id: 'inst-1',
  name: 'frontend-0',
  status: 'running',
  usage: buildUsage(),
  logs: ['started', 'listening on 8080'],
  containers: [buildContainer()],
  ...overrides,
});

/** A valid Resource for tests; `overrides` replace top-level fields. */
export const buildResource = (overrides: Partial<Resource> = {}): Resource => ({
  id: 'res-1',
  tenant: 'ten-1',
  type: 'secret',
  name: 'db-password',
  ...overrides,
});

/** A valid Channel for tests; `overrides` replace top-level fields. */
export const buildChannel = (overrides: Partial<Channel> = {}): Channel => ({
  name: 'http',
  from: 'frontend',
  to: 'backend',
  protocol: 'https',
  port: 443,
  ...overrides,
});

/** A valid ServiceRole for tests; `overrides` replace top-level fields. */
export const buildRole = (overrides: Partial<ServiceRole> = {}): ServiceRole => ({
  name: 'frontend',
  instances: [buildInstance()],
  version: '1.2.0',
  ...overrides,
});

/** A valid Service for tests; `overrides` replace top-level fields. */
export const buildService = (overrides: Partial<Service> = {}): Service => ({
  id: 'svc-1',
  tenant: 'ten-1',
  account: 'acc-1',
  environment: 'env-1',
  name: 'shop',
  logo: 'https://cdn.example.com/shop.png',
  description: 'Online shop',
  revisions: ['rev-1', 'rev-2'],
  status: 'running',
  roles: [buildRole()],
  links: [{ name: 'db', origin: 'svc-1', target: 'svc-2' }],
  resources: [buildResource()],
  usage: buildUsage(),
  minReplicas: 1,
  maxReplicas: 3,
  lastDeployed: TS,
  project: 'shop',
  registry: 'registry.example.com',
  imageName: 'shop/web:1.2.0',
  entrypoint: '/app/start.sh',
  cmd: '--port 8080',
  serverChannels: [buildChannel()],
  clientChannels: [],
  duplexChannels: [],
  cloudProvider: 'openstack',
  currentRevision: 'rev-2',
  startedAt: TS,
  ...overrides,
});

/** A valid Account for tests; `overrides` replace top-level fields. */
export const buildAccount = (overrides: Partial<Account> = {}): Account => ({
  id: 'acc-1',
  name: 'main account',
  tenant: 'ten-1',
  cloudProvider: { name: 'openstack', region: 'eu-west', authUrl: 'https://auth.example.com', credentialId: 'cred-1' },
  logo: '',
  environments: ['env-1'],
  services: ['svc-1'],
  domains: ['shop.example.com'],
  status: 'active',
  usage: buildUsage(),
  ...overrides,
});

/** A valid Environment for tests; `overrides` replace top-level fields. */
export const buildEnvironment = (overrides: Partial<Environment> = {}): Environment => ({
  id: 'env-1',
  name: 'production',
  account: 'acc-1',
  tenant: 'ten-1',
  logo: '',
  services: ['svc-1'],
  domains: [],
  status: 'active',
  usage: buildUsage(),
  labels: ['prod'],
  ...overrides,
});

/** A valid MarketplaceItem for tests; `overrides` replace top-level fields. */
export const buildMarketplaceItem = (overrides: Partial<MarketplaceItem> = {}): MarketplaceItem => ({
  id: 'mkt-1',
  tenant: 'ten-1',
  name: 'postgres',
  logo: '',
  description: 'PostgreSQL database',
  version: '16.2',
  requirements: { cpu: 1, memory: 1024 },
  status: 'available',
  instances: [buildInstance()],
  links: [],
  resources: [buildResource()],
  ...overrides,
});

/** A valid Tenant for tests; `overrides` replace top-level fields. */
export const buildTenant = (overrides: Partial<Tenant> = {}): Tenant => ({
  id: 'ten-1',
  name: 'acme',
  organizationsIds: ['org-1'],
  services: [buildService()],
  accounts: [buildAccount()],
  environments: [buildEnvironment()],
  marketplaceItems: [buildMarketplaceItem()],
  resources: [buildResource()],
  role: 'owner',
  status: 'active',
  users: 3,
  ...overrides,
});

/** A valid Invoice for tests; `overrides` replace top-level fields. */
export const buildInvoice = (overrides: Partial<Invoice> = {}): Invoice => ({
  id: 'inv-1',
  name: 'April 2024',
  customer: 'Acme Corporation S.L.',
  customerCIF: 'B12345678',
  cost: 99.9,
  date: '2024-04-30',
  invoiceFile: 'https://billing.example.com/inv-1.pdf',
  ...overrides,
});

/** A valid Organization for tests; `overrides` replace top-level fields. */
export const buildOrganization = (overrides: Partial<Organization> = {}): Organization => ({
  id: 'org-1',
  name: 'Acme Corp',
  usersIds: ['usr-1'],
  tenantsIds: ['ten-1'],
  billingInformation: {
    legalName: 'Acme Corporation S.L.',
    CIFNIF: 'B12345678',
    email: 'billing@acme.example',
    language: 'es',
    country: 'Spain',
    region: 'Valencia',
    city: 'Valencia',
    address: 'Calle Mayor 1',
    zipcode: '46001',
  },
  invoices: [buildInvoice()],
  status: 'active',
  ...overrides,
});

/** A valid Token for tests; `overrides` replace top-level fields. */
export const buildToken = (overrides: Partial<Token> = {}): Token => ({
  id: 'tok-1',
  name: 'ci',
  tenant: 'ten-1',
  description: 'CI pipeline',
  lastUsed: null,
  expiration: '2025-05-01T00:00:00+02:00',
  ...overrides,
});

/** A valid User for tests; `overrides` replace top-level fields. */
export const buildUser = (overrides: Partial<User> = {}): User => ({
  id: 'usr-1',
  name: 'Ada',
  surname: 'Lovelace',
  email: 'ada@acme.example',
  notificationsEnabled: true,
  unreadNotifications: 0,
  organizations: [buildOrganization()],
  tokens: [buildToken()],
  tenants: [buildTenant()],
  axebowPlan: 'premium',
  companyName: 'Acme',
  role: 'user',
  createdAt: TS,
  ...overrides,
});

/** A valid Notification for tests (an unread one about a finished deployment); `overrides` replace top-level fields. */
export const buildNotification = (overrides: Partial<Notification> = {}): Notification => ({
  id: 'ntf-1',
  kind: 'operation_succeeded',
  status: 'unread',
  title: 'Deployment of service web succeeded',
  message: 'Operation op-1 (deployService) succeeded.',
  tenant: 'ten-1',
  target: { type: 'service', id: 'svc-1' },
  createdAt: TS,
  updatedAt: TS,
  ...overrides,
});
