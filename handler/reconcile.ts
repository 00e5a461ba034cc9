import { userRoutes } from '../api/contract/user-routes';
import type { Transport } from '../api/http/transport';
import { isBackendError, type BackendError } from '../errors/backend-error';
import type { Logger } from '../log/logger';
import type { RequestDeclaration, ServiceRefs } from '../requests/define-request';
import { reduceFullUser } from '../state/full-user';
import {
  removeAccount,
  removeEnvironment,
  removeInstance,
  removeLink,
  removeMarketplaceItem,
  removeOrganization,
  removeResource,
  removeService,
  removeTenant,
  removeToken,
} from '../state/removals';
import { unchanged, type StatePatch } from '../state/state-patch';
import type { UserState } from '../state/user-state';
import type { createServiceReloader } from './service-reloader';

type Params = Readonly<Record<string, string>>;
type Removal = (state: UserState, params: Params) => UserState;

/** How the tree drops the entity that a route's path parameter names, by the parameter's name. */
const REMOVALS: Readonly<Record<string, Removal>> = {
  tenantId: (state, { tenantId = '' }) => removeTenant(state, tenantId),
  serviceId: (state, { tenantId = '', serviceId = '' }) => removeService(state, tenantId, serviceId),
  accountId: (state, { tenantId = '', accountId = '' }) => removeAccount(state, tenantId, accountId),
  environmentId: (state, { tenantId = '', environmentId = '' }) => removeEnvironment(state, tenantId, environmentId),
  resourceId: (state, { tenantId = '', resourceId = '' }) => removeResource(state, tenantId, resourceId),
  itemId: (state, { tenantId = '', itemId = '' }) => removeMarketplaceItem(state, tenantId, itemId),
  instanceId: (state, { tenantId = '', serviceId = '', instanceId = '' }) =>
    removeInstance(state, tenantId, serviceId, instanceId),
  linkName: (state, { tenantId = '', linkName = '' }) => removeLink(state, tenantId, linkName),
  organizationId: (state, { organizationId = '' }) => removeOrganization(state, organizationId),
  tokenId: (state, { tokenId = '' }) => removeToken(state, tokenId),
};

/** The codes after which a mutation may or may not have been applied by the API. */
const UNKNOWN_OUTCOME: ReadonlySet<BackendError['code']> = new Set(['NETWORK', 'TIMEOUT', 'SERVER']);

/** The path parameters of the declaration's route, in path order, with their values in `input`. */
function pathParams(declaration: RequestDeclaration, input: unknown): { names: string[]; values: Params } {
  const names = [...declaration.route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  const values: Record<string, string> = {};
  const given = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  for (const name of names) {
    const value = given[name];
    if (typeof value === 'string') values[name] = value;
  }
  return { names, values };
}

/** Whether `error` is the API's 404 for the call it answers (not a client-side failure). */
export function isNotFoundAnswer(error: unknown): boolean {
  return isBackendError(error) && error.code === 'NOT_FOUND' && error.status === 404;
}

/**
 * The patch that removes the entity a `404 Not Found` answer to `declaration` (called with `input`) says is
 * gone: the one its route's last path parameter names. A route that creates or lists children names their
 * parent last (`POST /tenants/{tenantId}/services`), so a 404 there removes the parent. `undefined` when the
 * last parameter names nothing the tree holds (an invoice, a member, an operation) or the route has none.
 */
export function removedByNotFound(declaration: RequestDeclaration, input: unknown): StatePatch | undefined {
  const { names, values } = pathParams(declaration, input);
  const last = names.at(-1);
  const remove = last === undefined ? undefined : REMOVALS[last];
  if (remove === undefined || names.some((name) => values[name] === undefined)) return undefined;
  return (state) => remove(state, values);
}

/**
 * Whether the API may have applied a mutation although its answer was lost: a call that is not a `GET`
 * failed on the way (`NETWORK`, `TIMEOUT`), with a `5xx` (`SERVER`), or with a `2xx` whose body broke the
 * contract (`CONTRACT`), and the request changes the tree. Session routes (`/auth/...`) are left to the session.
 */
export function isOutcomeUnknown(declaration: RequestDeclaration, error: unknown): boolean {
  const { route } = declaration;
  if (route.method === 'GET' || route.path.startsWith('/auth/') || !isBackendError(error)) return false;
  const changesTree =
    declaration.reduce !== undefined || declaration.reloads !== undefined || route.successStatus === 202;
  const appliedButUnreadable = error.code === 'CONTRACT' && error.status !== undefined && error.status < 300;
  return changesTree && (UNKNOWN_OUTCOME.has(error.code) || appliedButUnreadable);
}

type ServiceReloader = ReturnType<typeof createServiceReloader>;

/**
 * Settles the tree after a failure that revealed something about the server: a 404 removes what it names,
 * and a mutation whose answer was lost is settled by re-reading the smallest thing that shows the truth.
 */
export function createReconciler(transport: Transport, reloader: ServiceReloader, logger: Logger) {
  /** The services a request changes, when it names them; the tree's other entities need the whole user. */
  function servicesOf(declaration: RequestDeclaration, input: unknown, state: UserState): ServiceRefs | undefined {
    try {
      const refs = declaration.reloads?.(input, state);
      if (refs !== undefined) return refs;
    } catch {
      // An input the declaration cannot read (not checked yet) names no services: the user is re-read.
    }
    const { values } = pathParams(declaration, input);
    const { tenantId, serviceId } = values;
    return tenantId !== undefined && serviceId !== undefined ? { tenantId, serviceIds: [serviceId] } : undefined;
  }

  /**
   * Re-reads what a mutation with an unknown outcome may have changed: its services through `GET` of each
   * (a service the API no longer has is dropped), otherwise the whole user through `GET /users/me`.
   * Resolves with the patch that shows it; `unchanged` when the re-read failed too (logged).
   */
  async function settleLostAnswer(
    declaration: RequestDeclaration,
    input: unknown,
    state: UserState,
    requestId: string,
  ): Promise<StatePatch> {
    // Nothing shown, nothing to set right: a tree not loaded (or signed out) is not loaded by a re-read.
    if (state === null) return unchanged;
    const services = servicesOf(declaration, input, state);
    if (services !== undefined) return reloader.reload(services, state, requestId);
    try {
      const user = await transport.send(userRoutes.loadUser, {}, { requestId, fresh: true });
      return (current) => (current === null ? current : reduceFullUser(current, user));
    } catch (error) {
      logger.warn('the user could not be re-read after a lost answer; the state keeps its last known form', {
        requestId,
        code: isBackendError(error) ? error.code : 'unknown',
      });
      return unchanged;
    }
  }

  /**
   * The patch for a request that failed with `error`: what a 404 removes (a gone service also reloads the
   * services linked to it), what a lost answer's re-read shows, or `unchanged`.
   */
  async function afterFailure(
    declaration: RequestDeclaration,
    input: unknown,
    error: unknown,
    state: UserState,
    requestId: string,
  ): Promise<StatePatch> {
    if (isNotFoundAnswer(error)) {
      const { names, values } = pathParams(declaration, input);
      const { tenantId, serviceId } = values;
      if (names.at(-1) === 'serviceId' && tenantId !== undefined && serviceId !== undefined) {
        return reloader.gone(tenantId, serviceId, state, requestId);
      }
      return removedByNotFound(declaration, input) ?? unchanged;
    }
    if (isOutcomeUnknown(declaration, error)) return settleLostAnswer(declaration, input, state, requestId);
    return unchanged;
  }

  return { afterFailure, settleLostAnswer };
}
