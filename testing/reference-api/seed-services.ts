import type { ServiceSpec } from '../../api/contract/service-spec';
import { restingStatus, rollOut } from './deployments';
import { newService } from './lifecycle';
import type { ServiceRecord } from './records';
import type { Store } from './store';

/** Ids the seed hands from the world it built to the services it deploys there. */
export type SeedIds = Readonly<
  Record<
    | 'prod'
    | 'labs'
    | 'fran'
    | 'production'
    | 'staging'
    | 'research'
    | 'dev'
    | 'aws'
    | 'madrid'
    | 'labsCloud'
    | 'franCloud'
    | 'dbPassword'
    | 'shopData'
    | 'shopDomain'
    | 'httpsPort'
    | 'shopTls'
    | 'scratch'
    | 'logLevel'
    | 'stripeKey'
    | 'notebookData',
    string
  >
>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A service deployed as one revision per spec in `history`, each a week after the previous one. */
function deploy(
  store: Store,
  tenant: string,
  start: number,
  history: ServiceSpec[],
  marketplaceItem?: string,
): ServiceRecord {
  const first = history[0];
  if (first === undefined) throw new Error('a seeded service needs at least one revision');
  const service = store.at(start, () => newService(store, tenant, first, marketplaceItem));
  history.forEach((spec, index) => {
    store.at(start + index * 7 * DAY, () => {
      rollOut(store, service, spec);
      service.updatedAt = store.timestamp();
    });
  });
  return service;
}

/** Appends access-log lines, one a minute from `from`, to every instance of `role`. */
function traffic(service: ServiceRecord, role: string, from: number, paths: readonly string[]): void {
  for (const instance of service.instances.filter((item) => item.role === role)) {
    for (let index = 0; index < 40; index++) {
      const path = paths[index % paths.length] ?? '/';
      const time = new Date(from + index * 60_000).toISOString();
      instance.logs.push(`${time} INFO ${instance.name} GET ${path} 200 ${String(3 + ((index * 7) % 40))}ms`);
    }
  }
}

const base = (
  name: string,
  environment: string,
  account: string,
  imageName: string,
): Omit<ServiceSpec, 'roles' | 'channels' | 'minReplicas' | 'maxReplicas'> => ({
  name,
  environment,
  account,
  imageName,
  registry: 'registry.northwind.dev',
  project: 'northwind',
  links: [],
  resources: [],
  logo: `https://cdn.northwind.dev/logos/${name}.svg`,
  description: '',
});

/** Deploys the running services of the demo world, with revisions, instances, metrics and logs. */
export function seedServices(store: Store, ids: SeedIds, start: number): void {
  const shopSpec = (tag: string): ServiceSpec => ({
    ...base('shop', ids.production, ids.aws, `northwind/shop:${tag}`),
    description: 'Storefront and public API of the Northwind shop',
    entrypoint: '/app/bin/start',
    cmd: '--port 8443',
    minReplicas: 2,
    maxReplicas: 4,
    roles: [
      { name: 'frontend', cpu: 0.5, memory: 512 },
      { name: 'api', cpu: 1, memory: 1024 },
    ],
    channels: [
      { name: 'https', kind: 'server', protocol: 'https', port: 8443 },
      { name: 'payments', kind: 'client', protocol: 'http' },
    ],
    resources: [ids.dbPassword, ids.shopData, ids.shopDomain, ids.httpsPort, ids.shopTls],
  });
  const shop = deploy(store, ids.prod, start, [shopSpec('2.3.0'), shopSpec('2.4.0'), shopSpec('2.4.1')]);
  traffic(shop, 'frontend', start + 30 * DAY, ['/', '/products', '/cart', '/health']);

  const payments = deploy(store, ids.prod, start + DAY, [
    {
      ...base('payments', ids.production, ids.aws, 'northwind/payments:1.8.0'),
      description: 'Payment processing worker',
      minReplicas: 1,
      maxReplicas: 2,
      roles: [{ name: 'worker', cpu: 0.5, memory: 1024 }],
      channels: [{ name: 'api', kind: 'server', protocol: 'http', port: 8080 }],
      resources: [ids.stripeKey],
    },
  ]);
  store.links.push({
    tenant: ids.prod,
    name: 'shop-payments',
    origin: { service: shop.id, channel: 'payments' },
    target: { service: payments.id, channel: 'api' },
    createdAt: new Date(start + DAY).toISOString(),
  });

  const analytics = deploy(store, ids.prod, start + 2 * DAY, [
    {
      ...base('analytics', ids.staging, ids.madrid, 'northwind/analytics:0.9.3'),
      description: 'Event ingestion and dashboards (staging)',
      minReplicas: 1,
      maxReplicas: 2,
      roles: [
        { name: 'ingest', cpu: 0.5, memory: 1024 },
        { name: 'dashboard', cpu: 0.25, memory: 512 },
      ],
      channels: [{ name: 'dashboard', kind: 'server', protocol: 'http', port: 3000 }],
      resources: [ids.scratch, ids.logLevel],
    },
  ]);
  const crashed = analytics.instances.find((instance) => instance.role === 'ingest');
  if (crashed !== undefined) {
    crashed.status = 'failed';
    crashed.restartCount = 7;
    crashed.logs.push(
      `${new Date(start + 3 * DAY).toISOString()} ERROR ${crashed.name} connection to kafka:9092 refused; exiting`,
    );
    analytics.status = restingStatus(analytics);
  }

  deploy(store, ids.labs, start + 3 * DAY, [
    {
      ...base('notebook', ids.research, ids.labsCloud, 'jupyter/minimal-notebook:2026-01'),
      registry: 'quay.io',
      description: 'Shared Jupyter notebook of the research team',
      minReplicas: 1,
      maxReplicas: 1,
      roles: [{ name: 'notebook', cpu: 2, memory: 4096 }],
      channels: [{ name: 'http', kind: 'server', protocol: 'http', port: 8888 }],
      resources: [ids.notebookData],
    },
  ]);
  const redis = store.marketplaceOf(ids.labs).find((item) => item.name === 'redis');
  if (redis !== undefined) {
    deploy(
      store,
      ids.labs,
      start + 4 * DAY,
      [
        {
          ...redis.template,
          name: 'cache',
          environment: ids.research,
          account: ids.labsCloud,
          description: redis.description,
          logo: redis.logo,
          project: redis.name,
          resources: [],
        },
      ],
      redis.id,
    );
  }

  deploy(store, ids.fran, start + 6 * DAY, [
    {
      ...base('hello', ids.dev, ids.franCloud, 'aurora/hello:1.0'),
      registry: 'registry.aurora.dev',
      project: 'sandbox',
      description: 'Hello-world web service',
      minReplicas: 1,
      maxReplicas: 2,
      roles: [{ name: 'web', cpu: 0.5, memory: 512 }],
      channels: [{ name: 'http', kind: 'server', protocol: 'http', port: 8080 }],
    },
  ]);
}
