import type { resourceRoutes } from '../../../api/contract/resource-routes';
import type { ResourceType } from '../../../interfaces';
import { inTenant, tenantAccess } from '../access';
import { conflict, invalid } from '../errors';
import type { ResourceRecord } from '../records';
import type { Store } from '../store';
import { resourceView } from '../view-infra';
import type { Handlers } from './types';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** What a value of each resource type must look like; undefined when it is fine. */
function valueProblem(type: ResourceType, value: string): string | undefined {
  switch (type) {
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? undefined : 'must be a number';
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : 'must be true or false';
    case 'port':
      return /^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65_535
        ? undefined
        : 'must be a port, 1 to 65535';
    case 'volume':
      return /^\d{1,9}$/.test(value) && Number(value) > 0 ? undefined : 'must be the volume size in MB';
    case 'domain':
      return DOMAIN.test(value) ? undefined : 'must be a domain name such as shop.example.com';
    case 'string':
      return undefined;
    default:
      return value === '' ? 'must not be empty' : undefined;
  }
}

function checkValue(type: ResourceType, value: string): void {
  const problem = valueProblem(type, value);
  if (problem !== undefined) throw invalid('value', problem, `The ${type} value is invalid`);
}

function usersOf(store: Store, resource: ResourceRecord): string[] {
  return store
    .servicesOf(resource.tenant)
    .filter((service) => [service.spec, service.pendingSpec].some((spec) => spec?.resources.includes(resource.id)))
    .map((service) => service.spec.name);
}

/** Tenant resources: members and up manage them; secret and certificate values are write-only. */
export const resourceHandlers = {
  createResource: ({ store, user }, { params, body }) => {
    const { tenant } = tenantAccess(store, user, params.tenantId, 'member', 'create resources');
    if (body.type === 'volume' && body.kind === undefined) {
      throw invalid('kind', 'a volume needs a kind: volatile, nonReplicated or persistent', 'The resource is invalid');
    }
    if (body.type !== 'volume' && body.kind !== undefined) {
      throw invalid('kind', 'only volumes have a kind', 'The resource is invalid');
    }
    checkValue(body.type, body.value);
    if (store.resourcesOf(tenant.id).some((item) => item.name === body.name)) {
      throw conflict(`The tenant already has a resource named ${body.name}`, 'name_taken');
    }
    const now = store.timestamp();
    const resource: ResourceRecord = {
      id: store.nextId('res'),
      tenant: tenant.id,
      type: body.type,
      name: body.name,
      value: body.value,
      kind: body.kind,
      maxItems: body.maxItems,
      createdAt: now,
      updatedAt: now,
    };
    store.resources.set(resource.id, resource);
    return resourceView(resource);
  },

  updateResource: ({ store, user }, { params, body }) => {
    tenantAccess(store, user, params.tenantId, 'member', 'change resources');
    const resource = inTenant(store.resources, params.resourceId, params.tenantId, 'Resource');
    checkValue(resource.type, body.value);
    resource.value = body.value;
    if (body.maxItems !== undefined) resource.maxItems = body.maxItems;
    resource.updatedAt = store.timestamp();
    return resourceView(resource);
  },

  deleteResource: ({ store, user }, { params }) => {
    tenantAccess(store, user, params.tenantId, 'member', 'delete resources');
    const resource = inTenant(store.resources, params.resourceId, params.tenantId, 'Resource');
    const users = usersOf(store, resource);
    if (users.length > 0)
      throw conflict(`Resource ${resource.name} is used by ${users.join(', ')}; remove it there first`, 'in_use');
    store.resources.delete(resource.id);
    return undefined;
  },
} satisfies Handlers<keyof typeof resourceRoutes>;
