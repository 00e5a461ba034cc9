// The browser program of test/browser/msw-worker.e2e.ts: the reference API's msw handlers in msw's service
// worker, and the library calling it through a bridge. Nothing here reaches the network: the page's server
// has no /mock-api, so only msw can answer there.
// The imports name the sources so that `tsc` and `eslint` check this file without a build; the e2e test bundles
// it with both imports redirected to the BUILT entries (dist/index.js, dist/testing.js), as the package's
// `aurora-backend-handler` and `aurora-backend-handler/testing` would resolve in an app.
import { createBackendHandler, createWUIBridge, type HttpCallInfo, type User } from '../../../index';
import { createReferenceApi, demoCredentials } from '../../../testing/index';
import { referenceHandlers } from '../../../testing/msw';
import { setupWorker } from 'msw/browser';

/** What the page found, read by the test from `window.__result` (and shown by `data-testid`). */
export interface MswPageResult {
  status: 'done' | 'error';
  worker?: { scope: string; controlled: boolean };
  login?: { id: string; email: string; name: string; tenants: string[] };
  tenant?: { id: string; name: string; organizationId: string; inState: boolean; inLoadUser: boolean };
  services?: { tenant: string; filter: string; all: string[]; names: string[]; totalCount: number };
  httpCalls: string[];
  error?: { step: string; code?: string; message: string };
}

/** The window as the test reads it. */
export interface ResultWindow {
  __result?: MswPageResult;
}

const apiBaseUrl = `${location.origin}/mock-api`;
const TENANT_NAME = 'msw-browser-tenant';
/** A tenant of the demo seed with several services, of which one name matches SERVICE_FILTER. */
const SEEDED_TENANT = 'northwind-prod';
const SERVICE_FILTER = 'pay%';

function show(testId: string, text: string): void {
  const row = document.createElement('div');
  const label = document.createElement('dt');
  const value = document.createElement('dd');
  label.textContent = testId;
  value.textContent = text;
  value.dataset['testid'] = testId;
  row.append(label, value);
  document.querySelector('#results')?.append(row);
}

function tenantNames(user: User): string[] {
  return user.tenants.map((tenant) => tenant.name);
}

async function run(result: MswPageResult): Promise<void> {
  let step = 'worker.start';
  try {
    const api = createReferenceApi({ baseUrl: apiBaseUrl, operationDurationMs: 0 });
    const worker = setupWorker(...referenceHandlers(api));
    const registration = await worker.start({
      onUnhandledRequest: 'error',
      quiet: true,
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
    result.worker = {
      scope: registration?.scope ?? '',
      controlled: navigator.serviceWorker.controller !== null,
    };
    show('worker', `${result.worker.scope} controlled=${String(result.worker.controlled)}`);

    const bridge = createWUIBridge();
    const handler = createBackendHandler({
      bridge,
      environment: { apiBaseUrl },
      // This page proves the bridge's requests are answered by the worker, call by call; the live stream's
      // catch-up read would land between them at a moment of its own. The stream is proven in live-console.
      stream: false,
      onHttpCall: (call: HttpCallInfo) => result.httpCalls.push(`${call.method} ${call.path} ${String(call.status)}`),
    });
    handler.start();

    step = 'login';
    const user = await bridge.request('login', demoCredentials, { timeoutMs: 10_000 });
    result.login = { id: user.id, email: user.email, name: user.name, tenants: tenantNames(user) };
    show('login-email', user.email);
    show('login-name', user.name);

    step = 'createTenant';
    const organizationId = user.organizations[0]?.id;
    if (organizationId === undefined) throw new Error('the demo user has no organization');
    const tenant = await bridge.request('createTenant', { name: TENANT_NAME, organizationId }, { timeoutMs: 10_000 });
    const state = handler.getState();
    step = 'loadUser';
    const reloaded = await bridge.request('loadUser', undefined, { timeoutMs: 10_000 });
    result.tenant = {
      id: tenant.id,
      name: tenant.name,
      organizationId,
      inState: state?.tenants.some((item) => item.id === tenant.id) ?? false,
      inLoadUser: reloaded.tenants.some((item) => item.id === tenant.id),
    };
    show('tenant-name', tenant.name);
    show('tenant-in-state', String(result.tenant.inState));
    show('tenant-in-load-user', String(result.tenant.inLoadUser));

    step = 'listServices';
    const seeded = reloaded.tenants.find((item) => item.name === SEEDED_TENANT);
    if (seeded === undefined) throw new Error(`the demo user has no tenant ${SEEDED_TENANT}`);
    const page = await bridge.request(
      'listServices',
      {
        tenantId: seeded.id,
        query: {
          filter: { operator: 'and', filters: [{ field: 'name', operator: 'ilike', value: SERVICE_FILTER }] },
          sort: [{ field: 'name', direction: 'asc' }],
        },
      },
      { timeoutMs: 10_000 },
    );
    result.services = {
      tenant: seeded.name,
      filter: `name ilike ${SERVICE_FILTER}`,
      all: seeded.services.map((service) => service.name),
      names: page.items.map((service) => service.name),
      totalCount: page.totalCount,
    };
    show('services-names', result.services.names.join(','));
    show('services-total', String(page.totalCount));
    handler.stop();
    result.status = 'done';
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
        ? error.code
        : undefined;
    const message = error instanceof Error ? error.message : String(error);
    result.status = 'error';
    result.error = { step, message, ...(code === undefined ? {} : { code }) };
    show('error-step', step);
    show('error-code', code ?? '');
    show('error-message', message);
  }
  show('http-calls', result.httpCalls.join('\n'));
  show('status', result.status);
  document.body.dataset['status'] = result.status;
  (window as unknown as ResultWindow).__result = result;
}

void run({ status: 'error', httpCalls: [] });
