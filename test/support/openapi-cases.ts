import {
  createReferenceApi,
  demoCredentials,
  viewerCredentials,
  type Credentials,
  type ReferenceApi,
} from '../../testing';
import { BASE_URL, json, send, type Call, type Json } from './openapi-document';
import { SEED, blogSpec, seededSpec } from './reference-seed';

// One valid call of every operation of openapi.json, built from the seed, for the conformance test.

interface Context {
  api: ReferenceApi;
  token: string;
  send: (id: string, call: Omit<Call, 'token'>) => Promise<Json>;
}

/** How to exercise one operation with valid input built from the seed (and, when needed, from earlier calls). */
interface Case {
  status: number;
  /** Who calls; the demo user unless given. */
  as?: Credentials;
  call: (context: Context) => Call | Promise<Call>;
}

const { prod, labs } = SEED.tenants;
const { northwind } = SEED.organizations;
const { shop, payments, analytics } = SEED.services;
const instance = SEED.shopFrontendInstances[0] ?? 'none';
const firstRevision = SEED.shopRevisions[0] ?? 'none';
const prodParams = { tenantId: prod };
const byName = JSON.stringify({ operator: 'and', filters: [{ field: 'name', operator: 'neq', value: 'nothing' }] });

const unreadOnly = JSON.stringify({ operator: 'and', filters: [{ field: 'status', operator: 'eq', value: 'unread' }] });

/** Deploys a service, which leaves the caller a notification when it ends (at once here); answers its id. */
async function notified({ api, send: call }: Context): Promise<string> {
  await call('deployService', { params: prodParams, body: blogSpec() });
  return [...api.store.notifications.keys()].at(-1) ?? 'none';
}

const deploySpec = blogSpec({ minReplicas: 1, maxReplicas: 2, resources: [SEED.resources.logLevel] });

export const CASES: Record<string, Case> = {
  login: { status: 200, call: () => ({ body: { ...demoCredentials } }) },
  refreshSession: {
    status: 200,
    call: async ({ send: call }) => {
      const login = await call('login', { body: { ...demoCredentials, refreshTokenDelivery: 'body' } });
      return { body: { refreshToken: String((login.session as { refreshToken?: string }).refreshToken) } };
    },
  },
  logout: { status: 204, call: () => ({}) },
  loadUser: { status: 200, call: () => ({}) },
  updateUser: { status: 200, call: () => ({ body: { name: 'Alexandra', notificationsEnabled: false } }) },
  deleteUser: { status: 204, as: viewerCredentials, call: () => ({}) },
  changePassword: {
    status: 204,
    call: () => ({ body: { currentPassword: demoCredentials.password, newPassword: 'aurora-demo-2027' } }),
  },
  changePlan: { status: 200, call: () => ({ body: { plan: 'freemium' } }) },
  createToken: {
    status: 201,
    call: () => ({ body: { name: 'deploy-bot', tenant: prod, expiration: '2099-01-01T00:00:00.000Z' } }),
  },
  deleteToken: { status: 204, call: ({ api }) => ({ params: { tokenId: [...api.store.tokens.keys()][0] ?? '' } }) },

  createOrganization: { status: 201, call: () => ({ body: { name: 'Acme Cloud' } }) },
  updateOrganization: {
    status: 200,
    call: () => ({ params: { organizationId: northwind }, body: { name: 'Northwind Labs Europe' } }),
  },
  deleteOrganization: {
    status: 204,
    call: async ({ send: call }) => ({
      params: { organizationId: String((await call('createOrganization', { body: { name: 'Short Lived' } })).id) },
    }),
  },
  updateBillingInformation: {
    status: 200,
    call: () => ({
      params: { organizationId: northwind },
      body: {
        legalName: 'Northwind Labs S.L.',
        CIFNIF: 'B87654321',
        email: 'billing@northwind.dev',
        language: 'en',
        country: 'Spain',
        region: 'Madrid',
        city: 'Madrid',
        address: 'Gran Vía 1',
        zipcode: '28013',
      },
    }),
  },
  loadInvoices: {
    status: 200,
    call: () => ({ params: { organizationId: northwind }, query: { sort: '-date', limit: '2', offset: '0' } }),
  },
  downloadInvoice: {
    status: 200,
    call: ({ api }) => ({
      params: { organizationId: northwind, invoiceId: api.store.invoicesOf(northwind)[0]?.id ?? '' },
    }),
  },
  addOrganizationMember: {
    status: 200,
    call: () => ({ params: { organizationId: northwind }, body: { email: 'free@aurora.dev' } }),
  },
  removeOrganizationMember: {
    status: 200,
    call: () => ({ params: { organizationId: northwind, userId: SEED.users.viewer } }),
  },

  createTenant: { status: 201, call: () => ({ body: { name: 'northwind-edge', organizationId: northwind } }) },
  updateTenant: { status: 200, call: () => ({ params: prodParams, body: { name: 'northwind-production' } }) },
  deleteTenant: {
    status: 204,
    call: async ({ send: call }) => ({
      params: {
        tenantId: String((await call('createTenant', { body: { name: 'short-lived', organizationId: northwind } })).id),
      },
    }),
  },
  inviteTenantUser: {
    status: 201,
    call: () => ({ params: prodParams, body: { email: 'free@aurora.dev', role: 'member' } }),
  },
  removeTenantUser: { status: 204, call: () => ({ params: { tenantId: prod, userId: SEED.users.sam } }) },
  changeTenantUserRole: {
    status: 200,
    call: () => ({ params: { tenantId: prod, userId: SEED.users.viewer }, body: { role: 'member' } }),
  },

  createAccount: {
    status: 201,
    call: () => ({
      params: prodParams,
      body: {
        name: 'aws-dr',
        cloudProvider: {
          name: 'aws',
          region: 'eu-west-3',
          authType: 'accessKey',
          credentialId: 'AKIA4DR0EXAMPLE',
          credentialSecret: 'dr-S3cr3t-key',
        },
      },
    }),
  },
  updateAccount: {
    status: 200,
    call: () => ({ params: { tenantId: prod, accountId: SEED.accounts.aws }, body: { name: 'aws-prod' } }),
  },
  deleteAccount: { status: 204, call: () => ({ params: { tenantId: labs, accountId: SEED.accounts.legacy } }) },
  validateAccountCredentials: {
    status: 200,
    call: () => ({ params: { tenantId: prod, accountId: SEED.accounts.aws } }),
  },

  createEnvironment: {
    status: 201,
    call: () => ({ params: prodParams, body: { name: 'qa', account: SEED.accounts.madrid, labels: ['qa'] } }),
  },
  updateEnvironment: {
    status: 200,
    call: () => ({
      params: { tenantId: prod, environmentId: SEED.environments.staging },
      body: { labels: ['staging', 'eu'], limits: { cpu: 10, memory: 20_480 } },
    }),
  },
  deleteEnvironment: {
    status: 204,
    call: async ({ send: call }) => {
      const created = await call('createEnvironment', {
        params: prodParams,
        body: { name: 'scratch', account: SEED.accounts.madrid },
      });
      return { params: { tenantId: prod, environmentId: String(created.id) } };
    },
  },

  createResource: {
    status: 201,
    call: () => ({ params: prodParams, body: { type: 'string', name: 'feature-flag', value: 'on' } }),
  },
  updateResource: {
    status: 200,
    call: () => ({ params: { tenantId: prod, resourceId: SEED.resources.logLevel }, body: { value: 'debug' } }),
  },
  deleteResource: {
    status: 204,
    call: async ({ send: call }) => {
      const created = await call('createResource', {
        params: prodParams,
        body: { type: 'number', name: 'max-carts', value: '500' },
      });
      return { params: { tenantId: prod, resourceId: String(created.id) } };
    },
  },

  listServices: {
    status: 200,
    call: () => ({ params: prodParams, query: { filter: byName, sort: '-name', limit: '2', offset: '1' } }),
  },
  getService: { status: 200, call: () => ({ params: { tenantId: prod, serviceId: shop } }) },
  // An id the API never handed out: the stream opens with one `stream.reset` event, which the check reads.
  streamEvents: { status: 200, call: () => ({ headers: { 'Last-Event-ID': '999999' } }) },
  deployService: { status: 202, call: () => ({ params: prodParams, body: deploySpec }) },
  updateService: {
    status: 202,
    call: () => ({
      params: { tenantId: prod, serviceId: shop },
      body: { ...seededSpec(shop), imageName: 'northwind/shop:2.5.0' },
    }),
  },
  scaleService: {
    status: 202,
    call: () => ({ params: { tenantId: prod, serviceId: payments }, body: { minReplicas: 2, maxReplicas: 2 } }),
  },
  restartService: { status: 202, call: () => ({ params: { tenantId: prod, serviceId: payments } }) },
  restartInstance: {
    status: 202,
    call: () => ({ params: { tenantId: prod, serviceId: shop, instanceId: instance } }),
  },
  rollbackService: {
    status: 202,
    call: () => ({ params: { tenantId: prod, serviceId: shop }, body: { revision: firstRevision } }),
  },
  deleteService: { status: 202, call: () => ({ params: { tenantId: prod, serviceId: analytics } }) },
  loadServiceRevisions: {
    status: 200,
    call: () => ({ params: { tenantId: prod, serviceId: shop }, query: { sort: 'number', limit: '2' } }),
  },
  loadInstanceLogs: {
    status: 200,
    call: () => ({
      params: { tenantId: prod, serviceId: shop, instanceId: instance },
      query: { tail: '10', since: '2026-01-01T00:00:00.000Z' },
    }),
  },
  getOperation: {
    status: 200,
    call: async ({ send: call }) => {
      const started = await call('restartService', { params: { tenantId: prod, serviceId: payments } });
      return { params: { operationId: String(started.id) } };
    },
  },
  getOperations: {
    status: 200,
    call: async ({ send: call }) => {
      const started = await call('restartService', { params: { tenantId: prod, serviceId: payments } });
      return { query: { ids: `${String(started.id)},op-unknown` } };
    },
  },
  linkServices: {
    status: 201,
    call: async ({ send: call }) => {
      await call('unlinkServices', { params: { tenantId: prod, linkName: 'shop-payments' } });
      return {
        params: prodParams,
        body: {
          name: 'shop-to-payments',
          origin: { service: shop, channel: 'payments' },
          target: { service: payments, channel: 'api' },
        },
      };
    },
  },
  unlinkServices: { status: 204, call: () => ({ params: { tenantId: prod, linkName: 'shop-payments' } }) },

  loadMarketplace: {
    status: 200,
    call: () => ({ params: prodParams, query: { filter: byName, sort: 'name', limit: '3' } }),
  },
  deployMarketplaceItem: {
    status: 202,
    call: () => ({
      params: { tenantId: prod, itemId: SEED.marketplace.redis },
      body: { name: 'cache', environment: SEED.environments.production, account: SEED.accounts.aws },
    }),
  },

  loadNotifications: {
    status: 200,
    call: async (context) => {
      await notified(context);
      return { query: { filter: unreadOnly, sort: '-createdAt', limit: '10' } };
    },
  },
  markNotificationRead: {
    status: 200,
    call: async (context) => ({ params: { notificationId: await notified(context) } }),
  },
  markAllNotificationsRead: {
    status: 200,
    call: async (context) => {
      await notified(context);
      return {};
    },
  },
  archiveNotification: {
    status: 200,
    call: async (context) => ({ params: { notificationId: await notified(context) } }),
  },
};

export function caseOf(id: string): Case {
  const found = CASES[id];
  if (found === undefined) throw new Error(`no conformance case for ${id}: add one to CASES`);
  return found;
}

/** A fresh seeded reference API, a session of `credentials`, and the valid call of `id` prepared on it. */
export async function prepare(id: string) {
  const api = createReferenceApi({ baseUrl: BASE_URL, operationDurationMs: 0 });
  const credentials = caseOf(id).as ?? demoCredentials;
  const login = await send(api, 'login', { body: { email: credentials.email, password: credentials.password } });
  const session = json(login).session as { accessToken: string };
  const token = session.accessToken;
  const context: Context = {
    api,
    token,
    send: async (other, call) => {
      const answer = await send(api, other, { ...call, token });
      if (answer.status >= 300) throw new Error(`preparing ${id}: ${other} answered ${answer.status} ${answer.text}`);
      return answer.text === '' ? {} : json(answer);
    },
  };
  return { api, token, call: await caseOf(id).call(context) };
}
