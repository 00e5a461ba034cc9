import { inTenant, tenantAccess } from '../access';
import { invalid, notFound } from '../errors';
import { listPage } from '../list-page';
import type { InstanceRecord, ServiceRecord, UserRecord } from '../records';
import type { Store } from '../store';
import { revisionView, serviceView } from '../view-service';
import type { Handlers } from './types';

type Read = 'listServices' | 'getService' | 'loadServiceRevisions' | 'loadInstanceLogs';

const MAX_TAIL = 10_000;

export function findInstance(service: ServiceRecord, instanceId: string): InstanceRecord {
  const instance = service.instances.find((item) => item.id === instanceId);
  if (instance === undefined) throw notFound(`Instance ${instanceId} of service ${service.spec.name}`);
  return instance;
}

function readableService(store: Store, user: UserRecord, tenantId: string, serviceId: string) {
  tenantAccess(store, user, tenantId, 'viewer', 'read services');
  return inTenant(store.services, serviceId, tenantId, 'Service');
}

/** Reading services: every member of the tenant, viewers included. */
export const serviceReadHandlers = {
  listServices: ({ store, user }, { params, query }) => {
    tenantAccess(store, user, params.tenantId, 'viewer', 'read services');
    return listPage(
      store.servicesOf(params.tenantId).map((service) => serviceView(store, service)),
      query,
    );
  },

  getService: ({ store, user }, { params }) =>
    serviceView(store, readableService(store, user, params.tenantId, params.serviceId)),

  loadServiceRevisions: ({ store, user }, { params, query }) => {
    const service = readableService(store, user, params.tenantId, params.serviceId);
    const revisions = service.revisionIds
      .flatMap((id) => {
        const revision = store.revisions.get(id);
        return revision === undefined ? [] : [revisionView(service, revision)];
      })
      .sort((a, b) => b.number - a.number);
    return listPage(revisions, query);
  },

  loadInstanceLogs: ({ store, user }, { params, query }) => {
    const service = readableService(store, user, params.tenantId, params.serviceId);
    const instance = findInstance(service, params.instanceId);
    const tail = query.tail === undefined ? MAX_TAIL : Number(query.tail);
    if (tail < 1 || tail > MAX_TAIL) throw invalid('tail', `must be 1 to ${MAX_TAIL}`, 'The log query is invalid');
    const since = query.since === undefined ? undefined : Date.parse(query.since);
    const lines = instance.logs.filter((line) => {
      if (since === undefined) return true;
      const written = Date.parse(line.slice(0, line.indexOf(' ')));
      return Number.isNaN(written) || written >= since;
    });
    return { instanceId: instance.id, lines: lines.slice(-tail) };
  },
} satisfies Handlers<Read>;
