import type { MarketplaceItemRecord, ServiceTemplate } from './records';
import type { Store } from './store';

type CatalogEntry = Pick<MarketplaceItemRecord, 'name' | 'logo' | 'description' | 'version' | 'type' | 'status'> & {
  template: ServiceTemplate;
};

const template = (
  imageName: string,
  role: { name: string; cpu: number; memory: number },
  port: number,
  protocol: 'http' | 'tcp',
): ServiceTemplate => ({
  registry: 'registry.aurora.dev',
  imageName,
  minReplicas: 1,
  maxReplicas: 1,
  roles: [role],
  channels: [{ name: protocol === 'http' ? 'http' : 'db', kind: 'server', protocol, port }],
  links: [],
});

/** What every tenant's marketplace offers. */
export const CATALOG: readonly CatalogEntry[] = [
  {
    name: 'postgres',
    logo: 'https://cdn.aurora.dev/logos/postgres.svg',
    description: 'PostgreSQL 16 relational database with daily snapshots',
    version: '16.4',
    type: 'database',
    status: 'available',
    template: template('library/postgres:16.4', { name: 'db', cpu: 1, memory: 2048 }, 5432, 'tcp'),
  },
  {
    name: 'redis',
    logo: 'https://cdn.aurora.dev/logos/redis.svg',
    description: 'Redis 7 in-memory cache',
    version: '7.4',
    type: 'cache',
    status: 'available',
    template: template('library/redis:7.4', { name: 'cache', cpu: 0.25, memory: 512 }, 6379, 'tcp'),
  },
  {
    name: 'grafana',
    logo: 'https://cdn.aurora.dev/logos/grafana.svg',
    description: 'Grafana dashboards for the metrics of your services',
    version: '11.2',
    type: 'observability',
    status: 'available',
    template: template('grafana/grafana:11.2.0', { name: 'web', cpu: 0.5, memory: 512 }, 3000, 'http'),
  },
  {
    name: 'keycloak',
    logo: 'https://cdn.aurora.dev/logos/keycloak.svg',
    description: 'Keycloak identity provider (deprecated: use the Aurora identity service)',
    version: '21.1',
    type: 'identity',
    status: 'deprecated',
    template: template('keycloak/keycloak:21.1', { name: 'web', cpu: 1, memory: 1024 }, 8080, 'http'),
  },
];

/** Gives `tenantId` its own copy of the catalog. */
export function stockMarketplace(store: Store, tenantId: string): void {
  const now = store.timestamp();
  for (const entry of CATALOG) {
    const item: MarketplaceItemRecord = {
      ...entry,
      template: structuredClone(entry.template),
      id: store.nextId('mkt'),
      tenant: tenantId,
      domain: undefined,
      createdAt: now,
      updatedAt: now,
    };
    store.marketplaceItems.set(item.id, item);
  }
}
