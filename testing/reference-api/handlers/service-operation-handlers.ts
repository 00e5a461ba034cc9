import { inTenant, tenantAccess } from '../access';
import { reconcileInstances, restart, restingStatus } from '../deployments';
import { conflict, invalid } from '../errors';
import { deployNewService, ensureDeployed, rollOutSpec } from '../lifecycle';
import { ensureIdle, operationView, startOperation } from '../operations';
import type { ServiceRecord, UserRecord } from '../records';
import type { Store } from '../store';
import { checkCapacity } from '../usage';
import { findInstance } from './service-handlers';
import type { Handlers } from './types';

type Change =
  | 'deployService'
  | 'updateService'
  | 'scaleService'
  | 'restartService'
  | 'restartInstance'
  | 'rollbackService'
  | 'deleteService';

function manageableService(store: Store, user: UserRecord, tenantId: string, serviceId: string, action: string) {
  tenantAccess(store, user, tenantId, 'member', action);
  const service = inTenant(store.services, serviceId, tenantId, 'Service');
  ensureIdle(store, service);
  return service;
}

const serviceTarget = (service: ServiceRecord) => ({
  type: 'service' as const,
  id: service.id,
  tenant: service.tenant,
});

/** Changing services: members and up; each change is a long-running operation answered with 202. */
export const serviceOperationHandlers = {
  deployService: ({ store, user }, { params, body }) => {
    tenantAccess(store, user, params.tenantId, 'member', 'deploy services');
    return deployNewService(store, params.tenantId, body, 'deployService', user.id);
  },

  updateService: ({ store, user }, { params, body }) => {
    const service = manageableService(store, user, params.tenantId, params.serviceId, 'update services');
    return rollOutSpec(store, service, body, 'updateService', user.id);
  },

  scaleService: ({ store, user }, { params, body }) => {
    const service = manageableService(store, user, params.tenantId, params.serviceId, 'scale services');
    ensureDeployed(service);
    if (body.minReplicas > body.maxReplicas) {
      throw invalid('maxReplicas', 'must be at least minReplicas', 'The service was not scaled');
    }
    const scaled = { ...service.spec, ...body };
    checkCapacity(store, service.tenant, scaled, { replacing: service.id, requestedBy: user.id });
    service.pendingSpec = scaled;
    service.status = 'deploying';
    const operation = startOperation(store, {
      kind: 'scaleService',
      target: serviceTarget(service),
      service,
      startedBy: user.id,
      onSuccess: () => {
        service.spec = scaled;
        service.pendingSpec = undefined;
        reconcileInstances(store, service, scaled, false);
        service.status = restingStatus(service);
      },
    });
    return operationView(operation);
  },

  restartService: ({ store, user }, { params }) => {
    const service = manageableService(store, user, params.tenantId, params.serviceId, 'restart services');
    ensureDeployed(service);
    service.status = 'deploying';
    const operation = startOperation(store, {
      kind: 'restartService',
      target: serviceTarget(service),
      service,
      startedBy: user.id,
      onSuccess: () => {
        for (const instance of service.instances) restart(store, instance);
        service.status = restingStatus(service);
      },
    });
    return operationView(operation);
  },

  restartInstance: ({ store, user }, { params }) => {
    const service = manageableService(store, user, params.tenantId, params.serviceId, 'restart instances');
    const instance = findInstance(service, params.instanceId);
    instance.status = 'pending';
    instance.updatedAt = store.timestamp();
    const operation = startOperation(store, {
      kind: 'restartInstance',
      target: { type: 'instance', id: instance.id, tenant: service.tenant },
      service,
      startedBy: user.id,
      onSuccess: () => {
        restart(store, instance);
        service.status = restingStatus(service);
      },
    });
    return operationView(operation);
  },

  rollbackService: ({ store, user }, { params, body }) => {
    const service = manageableService(store, user, params.tenantId, params.serviceId, 'roll services back');
    const revision = store.revisions.get(body.revision);
    if (revision?.service !== service.id) {
      throw invalid('revision', `no revision ${body.revision} of this service`, 'The service was not rolled back');
    }
    if (revision.id === service.currentRevision) {
      throw conflict(
        `Revision ${String(revision.number)} is already the current revision of ${service.spec.name}`,
        'invalid_state',
      );
    }
    return rollOutSpec(store, service, revision.spec, 'rollbackService', user.id);
  },

  deleteService: ({ store, user }, { params }) => {
    const service = manageableService(store, user, params.tenantId, params.serviceId, 'delete services');
    service.status = 'deleting';
    const operation = startOperation(store, {
      kind: 'deleteService',
      target: serviceTarget(service),
      service,
      startedBy: user.id,
      onSuccess: () => {
        store.services.delete(service.id);
        for (const id of service.revisionIds) store.revisions.delete(id);
        store.removeLinks((link) => link.origin.service === service.id || link.target.service === service.id);
      },
    });
    return operationView(operation);
  },
} satisfies Handlers<Change>;
