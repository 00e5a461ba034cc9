import { serviceRoutes } from '../api/contract/service-routes';
import type { Transport } from '../api/http/transport';
import { isBackendError } from '../errors/backend-error';
import type { Operation } from '../interfaces/operation-interface';
import type { Service } from '../interfaces/service-interface';
import type { Logger } from '../log/logger';
import type { ServiceRefs } from '../requests/define-request';
import { dropService, putService, serviceOfInstance, servicesWithLinks } from '../state/service-tree';
import { unchanged, type StatePatch } from '../state/state-patch';
import type { UserState } from '../state/user-state';

export { unchanged, type StatePatch } from '../state/state-patch';

interface Loaded {
  serviceId: string;
  service: Service | undefined;
}

/**
 * Reloads services whose full form only the API knows: the ends of a link, and the target of a finished
 * long-running operation. A service the API no longer has is dropped, and the services whose links pointed
 * at it are reloaded too; one that cannot be loaded now is left as it was.
 */
export function createServiceReloader(transport: Transport, logger: Logger) {
  async function load(tenantId: string, serviceId: string, requestId: string): Promise<Loaded | undefined> {
    try {
      const params = { tenantId, serviceId };
      return {
        serviceId,
        service: await transport.send(serviceRoutes.getService, { params }, { requestId, fresh: true }),
      };
    } catch (error) {
      if (isBackendError(error) && error.code === 'NOT_FOUND') return { serviceId, service: undefined };
      logger.warn(`service ${serviceId} could not be reloaded; the state keeps its last known form`, {
        requestId,
        code: isBackendError(error) ? error.code : 'unknown',
      });
      return undefined;
    }
  }

  async function loadAll(tenantId: string, serviceIds: Iterable<string>, requestId: string) {
    const loaded = await Promise.all([...new Set(serviceIds)].map((id) => load(tenantId, id, requestId)));
    return loaded.filter((result) => result !== undefined);
  }

  function apply(tenantId: string, loaded: readonly Loaded[]): StatePatch {
    return (state) =>
      loaded.reduce<UserState>(
        (current, { serviceId, service }) =>
          service === undefined ? dropService(current, tenantId, serviceId) : putService(current, service),
        state,
      );
  }

  /** Reloads `refs`; `state` tells which services link to one that is gone. */
  async function reload(refs: ServiceRefs, state: UserState, requestId: string): Promise<StatePatch> {
    const { tenantId } = refs;
    const loaded = await loadAll(tenantId, refs.serviceIds, requestId);
    const gone = new Set(loaded.filter((result) => result.service === undefined).map((result) => result.serviceId));
    if (gone.size === 0) return apply(tenantId, loaded);
    const linked = servicesWithLinks(state, tenantId, (link) => gone.has(link.origin) || gone.has(link.target));
    const reloaded = new Set(loaded.map((result) => result.serviceId));
    const others = await loadAll(
      tenantId,
      linked.filter((id) => !reloaded.has(id)),
      requestId,
    );
    return apply(tenantId, [...loaded, ...others]);
  }

  /** Service `serviceId` is gone: it is dropped, and the services whose links pointed at it are reloaded. */
  async function gone(tenantId: string, serviceId: string, state: UserState, requestId: string): Promise<StatePatch> {
    const linked = servicesWithLinks(state, tenantId, (link) => link.origin === serviceId || link.target === serviceId);
    const others = await loadAll(
      tenantId,
      linked.filter((id) => id !== serviceId),
      requestId,
    );
    return apply(tenantId, [{ serviceId, service: undefined }, ...others]);
  }

  /**
   * What a finished (succeeded or failed) operation changed: its service, or the service of its instance.
   * `removesTarget`: a succeeded operation deleted its service, which is dropped without asking the API.
   */
  async function afterOperation(
    operation: Operation,
    state: UserState,
    requestId: string,
    removesTarget = false,
  ): Promise<StatePatch> {
    const { tenant: tenantId, id, type } = operation.target;
    if (removesTarget && type === 'service' && operation.status === 'succeeded') {
      return gone(tenantId, id, state, requestId);
    }
    const serviceId = type === 'instance' ? serviceOfInstance(state, tenantId, id) : id;
    if (serviceId === undefined) return unchanged;
    return reload({ tenantId, serviceIds: [serviceId] }, state, requestId);
  }

  return { reload, afterOperation, gone };
}
