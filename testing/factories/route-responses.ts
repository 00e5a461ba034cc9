import type { z } from 'zod';
import type { RouteId, Routes } from '../../api/contract';
import {
  buildCreatedToken,
  buildCredentialsCheck,
  buildInstanceLogs,
  buildInvoiceFile,
  buildLink,
  buildListPage,
  buildLoginResponse,
  buildNotificationChange,
  buildNotificationsRead,
  buildRefreshSessionResponse,
  buildOperation,
  buildRevision,
  buildTenantMember,
} from './api-models';
import {
  buildAccount,
  buildEnvironment,
  buildInvoice,
  buildMarketplaceItem,
  buildNotification,
  buildOrganization,
  buildResource,
  buildService,
  buildTenant,
  buildUser,
} from './models';

/** The success answer of route `K`: its response schema's output, or the bytes of a binary route. */
export type RouteAnswer<K extends RouteId> = Routes[K] extends { responseType: 'binary' }
  ? ArrayBuffer
  : z.output<Routes[K]['response']>;

const none = (): undefined => undefined;
const accepted = (kind: Parameters<typeof buildOperation>[0] & object) => () =>
  buildOperation({ ...kind, status: 'pending', progress: 0 });

/**
 * A valid success answer of every route of the contract, by route id: what to return from your own msw
 * handler of that route. A route added to the contract without one here does not compile.
 * @example server.use(http.get(`${url}/users/me`, () => HttpResponse.json(routeResponses.loadUser())))
 */
export const routeResponses: { readonly [K in RouteId]: () => RouteAnswer<K> } = {
  login: buildLoginResponse,
  refreshSession: buildRefreshSessionResponse,
  logout: none,
  loadUser: buildUser,
  updateUser: buildUser,
  changePassword: none,
  changePlan: buildUser,
  deleteUser: none,
  createToken: buildCreatedToken,
  deleteToken: none,
  createOrganization: buildOrganization,
  updateOrganization: buildOrganization,
  deleteOrganization: none,
  updateBillingInformation: buildOrganization,
  loadInvoices: () => buildListPage([buildInvoice()]),
  downloadInvoice: buildInvoiceFile,
  addOrganizationMember: buildOrganization,
  removeOrganizationMember: buildOrganization,
  createTenant: buildTenant,
  updateTenant: buildTenant,
  deleteTenant: none,
  inviteTenantUser: buildTenantMember,
  removeTenantUser: none,
  changeTenantUserRole: buildTenantMember,
  createAccount: buildAccount,
  updateAccount: buildAccount,
  deleteAccount: none,
  validateAccountCredentials: buildCredentialsCheck,
  createEnvironment: buildEnvironment,
  updateEnvironment: buildEnvironment,
  deleteEnvironment: none,
  listServices: () => buildListPage([buildService()]),
  getService: buildService,
  deployService: accepted({ kind: 'deployService' }),
  updateService: accepted({ kind: 'updateService' }),
  scaleService: accepted({ kind: 'scaleService' }),
  restartService: accepted({ kind: 'restartService' }),
  restartInstance: accepted({ kind: 'restartInstance', target: { type: 'instance', id: 'inst-1', tenant: 'ten-1' } }),
  rollbackService: accepted({ kind: 'rollbackService' }),
  loadServiceRevisions: () => buildListPage([buildRevision()]),
  loadInstanceLogs: buildInstanceLogs,
  deleteService: accepted({ kind: 'deleteService' }),
  linkServices: buildLink,
  unlinkServices: none,
  getOperation: buildOperation,
  getOperations: () => ({ items: [buildOperation()] }),
  loadMarketplace: () => buildListPage([buildMarketplaceItem()]),
  deployMarketplaceItem: accepted({ kind: 'deployMarketplaceItem' }),
  createResource: buildResource,
  updateResource: buildResource,
  deleteResource: none,
  loadNotifications: () => buildListPage([buildNotification()]),
  markNotificationRead: buildNotificationChange,
  markAllNotificationsRead: buildNotificationsRead,
  archiveNotification: () => buildNotificationChange({ notification: buildNotification({ status: 'archived' }) }),
  // One pushed event: the route answers a stream of them.
  streamEvents: () => ({ id: '1', type: 'stream.reset', data: { reason: 'too_old' } }),
};
