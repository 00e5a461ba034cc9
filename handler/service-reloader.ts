import { serviceRoutes } from '../api/contract/service-routes';
import type { Transport } from '../api/http/transport';
import { isBackendError } from '../errors/backend-error';
import type { OperationName } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';
import type { Logger } from '../log/logger';
import { dropService, putService, serviceOfInstance, servicesWithLinks } from '../state/service-tree';
import type { UserState } from '../state/user-state';

/** A change to apply to the state once the data it needs has arrived. */
export type StatePatch = (state: UserState) => UserState;

const unchanged: StatePatch = (state) => state;

/**
 * Reloads services after changes whose full effect only the API knows: links (both ends' channels change),
 * and finished long-running operations (new revision, replicas, restarted instances, a deleted service).
 * A service the API no longer has is dropped; one that cannot be loaded now is left as it was.
 */
export function createServiceReloader(transport: Transport, logger: Logger) {
  async function reload(tenantId: string, serviceIds: readonly string[], requestId: string): Promise<StatePatch> {
    const results = await Promise.all(
      [...new Set(serviceIds)].map(async (serviceId) => {
        try {
          const params = { tenantId, serviceId };
          return { serviceId, service: await transport.send(serviceRoutes.getService, { params }, { requestId }) };
        } catch (error) {
          if (isBackendError(error) && error.code === 'NOT_FOUND') return { serviceId, service: undefined };
          logger.warn(`service ${serviceId} could not be reloaded; the state keeps its last known form`, {
            requestId,
            code: isBackendError(error) ? error.code : 'unknown',
          });
          return undefined;
        }
      }),
    );
    return (state) =>
      results.reduce<UserState>((current, result) => {
        if (result === undefined) return current;
        return result.service === undefined
          ? dropService(current, tenantId, result.serviceId)
          : putService(current, result.service);
      }, state);
  }

  /** What a successful request changed beyond its reducer: the services at both ends of a link. */
  function afterRequest(
    operation: OperationName,
    input: unknown,
    state: UserState,
    requestId: string,
  ): Promise<StatePatch> {
    if (operation === 'linkServices') {
      const { tenantId, origin, target } = input as {
        tenantId: string;
        origin: { service: string };
        target: { service: string };
      };
      return reload(tenantId, [origin.service, target.service], requestId);
    }
    if (operation === 'unlinkServices') {
      const { tenantId, linkName } = input as { tenantId: string; linkName: string };
      return reload(
        tenantId,
        servicesWithLinks(state, tenantId, (link) => link.name === linkName),
        requestId,
      );
    }
    return Promise.resolve(unchanged);
  }

  /** What a finished (succeeded or failed) operation changed: its service, or the service of its instance. */
  async function afterOperation(operation: Operation, state: UserState, requestId: string): Promise<StatePatch> {
    const { tenant: tenantId, id, type } = operation.target;
    if (type === 'instance') {
      const serviceId = serviceOfInstance(state, tenantId, id);
      return serviceId === undefined ? unchanged : reload(tenantId, [serviceId], requestId);
    }
    if (operation.kind === 'deleteService' && operation.status === 'succeeded') {
      // The service is gone: drop it, and reload the services whose links pointed at it.
      const linked = servicesWithLinks(state, tenantId, (link) => link.origin === id || link.target === id);
      const reloadLinked = await reload(tenantId, linked, requestId);
      return (current) => reloadLinked(dropService(current, tenantId, id));
    }
    return reload(tenantId, [id], requestId);
  }

  return { afterRequest, afterOperation };
}
