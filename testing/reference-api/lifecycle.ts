import type { ServiceSpec } from '../../api/contract/service-spec';
import type { Operation, OperationKind } from '../../interfaces/operation-interface';
import { invalid, conflict } from './errors';
import { imageFailure, restingStatus, rollOut, validateSpec } from './deployments';
import { ensureIdle, operationView, startOperation } from './operations';
import type { ServiceRecord } from './records';
import type { Store } from './store';
import { checkCapacity } from './usage';

/**
 * Starts deploying a new service (`deployService`, `deployMarketplaceItem`): the service appears at once as
 * `deploying` and runs, as revision 1, when the operation succeeds; it is `failed` if its image cannot be pulled.
 */
/** A service record about to be rolled out for the first time, stored under a new id. */
export function newService(store: Store, tenant: string, spec: ServiceSpec, marketplaceItem?: string): ServiceRecord {
  const now = store.timestamp();
  const service: ServiceRecord = {
    id: store.nextId('svc'),
    tenant,
    spec,
    pendingSpec: undefined,
    status: 'deploying',
    instances: [],
    revisionIds: [],
    currentRevision: undefined,
    busyWith: undefined,
    marketplaceItem,
    lastDeployed: undefined,
    startedAt: undefined,
    createdAt: now,
    updatedAt: now,
  };
  store.services.set(service.id, service);
  return service;
}

export function deployNewService(
  store: Store,
  tenantId: string,
  spec: ServiceSpec,
  kind: Extract<OperationKind, 'deployService' | 'deployMarketplaceItem'>,
  startedBy: string,
  marketplaceItem?: string,
): Operation {
  validateSpec(store, tenantId, spec);
  if (store.servicesOf(tenantId).some((service) => service.spec.name === spec.name)) {
    throw conflict(`The tenant already has a service named ${spec.name}`, 'name_taken');
  }
  checkCapacity(store, tenantId, spec, { requestedBy: startedBy });
  const service = newService(store, tenantId, spec, marketplaceItem);
  const operation = startOperation(store, {
    kind,
    target: { type: 'service', id: service.id, tenant: tenantId },
    service,
    startedBy,
    failure: imageFailure(spec),
    onSuccess: () => rollOut(store, service, spec),
    onFailure: () => {
      service.status = 'failed';
    },
  });
  return operationView(operation);
}

/** Starts rolling out a new spec of an existing service as a new revision (`updateService`, `rollbackService`). */
export function rollOutSpec(
  store: Store,
  service: ServiceRecord,
  spec: ServiceSpec,
  kind: Extract<OperationKind, 'updateService' | 'rollbackService'>,
  startedBy: string,
): Operation {
  ensureIdle(store, service);
  validateSpec(store, service.tenant, spec);
  if (spec.name !== service.spec.name) {
    throw invalid('name', `a service cannot be renamed (it is ${service.spec.name}); deploy a new service instead`);
  }
  if (spec.environment !== service.spec.environment) {
    throw invalid('environment', 'a service cannot move to another environment; deploy a new service there instead');
  }
  checkCapacity(store, service.tenant, spec, { replacing: service.id, requestedBy: startedBy });
  service.pendingSpec = spec;
  service.status = 'deploying';
  const operation = startOperation(store, {
    kind,
    target: { type: 'service', id: service.id, tenant: service.tenant },
    service,
    startedBy,
    failure: imageFailure(spec),
    onSuccess: () => rollOut(store, service, spec),
    // A failed rollout leaves the previous revision running.
    onFailure: () => {
      service.pendingSpec = undefined;
      service.status = restingStatus(service);
    },
  });
  return operationView(operation);
}

/** 409 for operations that need a running revision on a service whose first deployment never succeeded. */
export function ensureDeployed(service: ServiceRecord): void {
  if (service.currentRevision === undefined) {
    throw conflict(`Service ${service.spec.name} has no running revision; update or delete it`, 'invalid_state');
  }
}
