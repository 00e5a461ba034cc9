import { ErrorBodySchema } from '../api/contract/error-body';
import { UserSchema } from '../interfaces';
import { OperationSchema } from '../interfaces/operation-interface';
import { demoCredentials, freemiumCredentials, labsOwnerCredentials, viewerCredentials } from '../testing';
import { referenceClient } from './support/reference-client';
import { blogSpec } from './support/reference-seed';

// Seeded ids: ten-1 northwind-prod (demo owner, viewer viewer, sam member), ten-2 northwind-labs (sam owner,
// demo admin, free member, viewer viewer), ten-3 fran-sandbox (free owner); env-1 production on acc-1 (aws),
// env-2 staging on acc-2, env-3 research on acc-3 (ten-2), env-4 dev on acc-5 (ten-3); svc-1 shop, svc-2 payments.

const spec = (overrides: object = {}) => blogSpec({ minReplicas: 1, maxReplicas: 2, resources: [], ...overrides });

const errorOf = (body: unknown) => ErrorBodySchema.parse(body);
const paths = (body: unknown) => (errorOf(body).details ?? []).map((detail) => detail.path);

describe('reference API validation (400)', () => {
  it('a body that breaks the route schema answers 400 VALIDATION with one detail per field', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const response = await call('deployService', {
      token,
      params: { tenantId: 'ten-1' },
      body: spec({ name: 'Not A DNS Label', roles: [], surprise: true }),
    });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('VALIDATION');
    expect(paths(response.body)).toEqual(['name', 'roles', 'surprise']);
  });

  it('a body that is not JSON, or no body at all, answers 400', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const broken = await call('createTenant', { token, rawBody: '{"name": "x",' });
    expect(broken.status).toBe(400);
    expect(errorOf(broken.body).message).toBe('The request body is not valid JSON');
    const missing = await call('createTenant', { token });
    expect(missing).toMatchObject({ status: 400, body: { message: 'The request needs a JSON body' } });
  });

  it('a list query with a bad limit, bad JSON, an unknown operator, an unsuitable value or an unknown parameter answers 400 with details', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const list = (query: Record<string, string>) =>
      call('listServices', { token, params: { tenantId: 'ten-1' }, query });
    expect(paths((await list({ limit: '5000' })).body)).toEqual(['limit']);
    expect(paths((await list({ filter: '{nope' })).body)).toEqual(['filter']);
    const operator = await list({
      filter: JSON.stringify({ operator: 'and', filters: [{ field: 'name', operator: 'like', value: 'x' }] }),
    });
    expect(paths(operator.body)).toEqual(['filter.filters.0']);
    const value = await list({
      filter: JSON.stringify({ operator: 'and', filters: [{ field: 'status', operator: 'in', value: 'running' }] }),
    });
    expect(errorOf(value.body).details).toEqual([
      { path: 'filter.filters.0.value', message: 'in needs a list of values' },
    ]);
    expect((await list({ page: '2' })).status).toBe(400);
  });

  it('a spec whose environment, account or resources are not in the tenant is refused field by field', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const deploy = (body: object) => call('deployService', { token, params: { tenantId: 'ten-1' }, body });
    expect(paths((await deploy(spec({ environment: 'env-3' }))).body)).toEqual(['environment']);
    const mismatch = await deploy(spec({ account: 'acc-2' }));
    expect(errorOf(mismatch.body).details).toEqual([
      { path: 'account', message: 'environment production runs on account acc-1, not acc-2' },
    ]);
    expect(paths((await deploy(spec({ resources: ['res-9'], minReplicas: 3 }))).body)).toEqual([
      'maxReplicas',
      'resources.0',
    ]);
    expect(
      paths((await deploy(spec({ channels: [{ name: 'http', kind: 'server', protocol: 'http' }] }))).body),
    ).toEqual(['channels.0.port']);
  });
});

describe('reference API tenant roles (403)', () => {
  it('a viewer reads a tenant but every change there answers 403 FORBIDDEN', async () => {
    const { call, login } = referenceClient();
    const token = await login(viewerCredentials);
    expect((await call('listServices', { token, params: { tenantId: 'ten-1' } })).status).toBe(200);
    const attempts = await Promise.all([
      call('deployService', { token, params: { tenantId: 'ten-1' }, body: spec() }),
      call('scaleService', {
        token,
        params: { tenantId: 'ten-1', serviceId: 'svc-1' },
        body: { minReplicas: 1, maxReplicas: 1 },
      }),
      call('createResource', { token, params: { tenantId: 'ten-1' }, body: { type: 'string', name: 'x', value: 'y' } }),
      call('deleteService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' } }),
    ]);
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(errorOf(attempt.body)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(errorOf(attempts[0].body).message).toBe(
      'Your role in tenant northwind-prod is viewer; to deploy services you need member or higher',
    );
  });

  it('a member deploys services but may not connect cloud accounts', async () => {
    const { call, login } = referenceClient();
    const token = await login(labsOwnerCredentials);
    expect((await call('deployService', { token, params: { tenantId: 'ten-1' }, body: spec() })).status).toBe(202);
    const account = await call('createAccount', {
      token,
      params: { tenantId: 'ten-1' },
      body: { name: 'gcp', cloudProvider: { name: 'gcp', credentialId: 'svc-acct', credentialSecret: 'k3y' } },
    });
    expect(account.status).toBe(403);
  });

  it('an admin manages accounts and members but only the owner renames or deletes the tenant', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const account = await call('createAccount', {
      token,
      params: { tenantId: 'ten-2' },
      body: { name: 'gcp', cloudProvider: { name: 'gcp', credentialId: 'svc-acct', credentialSecret: 'k3y' } },
    });
    expect(account.status).toBe(201);
    expect(
      (
        await call('changeTenantUserRole', {
          token,
          params: { tenantId: 'ten-2', userId: 'usr-3' },
          body: { role: 'viewer' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('updateTenant', { token, params: { tenantId: 'ten-2' }, body: { name: 'renamed' } })).status,
    ).toBe(403);
    expect((await call('deleteTenant', { token, params: { tenantId: 'ten-2' } })).status).toBe(403);
  });

  it('only the organization owner changes it; its other members read its invoices', async () => {
    const { call, login } = referenceClient();
    const token = await login(viewerCredentials);
    expect((await call('loadInvoices', { token, params: { organizationId: 'org-1' } })).status).toBe(200);
    expect(
      (await call('updateOrganization', { token, params: { organizationId: 'org-1' }, body: { name: 'Mine' } })).status,
    ).toBe(403);
  });
});

describe('reference API unknown and foreign ids (404)', () => {
  it('an unknown service, instance, invoice or operation answers 404 NOT_FOUND', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const responses = await Promise.all([
      call('getService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-999' } }),
      call('loadInstanceLogs', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1', instanceId: 'inst-999' } }),
      call('downloadInvoice', { token, params: { organizationId: 'org-1', invoiceId: 'inv-999' } }),
      call('getOperation', { token, params: { operationId: 'op-999' } }),
    ]);
    for (const response of responses) expect(errorOf(response.body).code).toBe('NOT_FOUND');
    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404]);
    expect(errorOf(responses[0].body).message).toBe('Service svc-999 not found');
  });

  it('a tenant the user is not a member of is 404, not 403, and so are its operations', async () => {
    const { call, login } = referenceClient();
    const free = await login(freemiumCredentials);
    const demo = await login(demoCredentials);
    const operation = OperationSchema.parse(
      (
        await call('deployService', {
          token: free,
          params: { tenantId: 'ten-3' },
          body: spec({ environment: 'env-4', account: 'acc-5' }),
        })
      ).body,
    );
    expect((await call('listServices', { token: demo, params: { tenantId: 'ten-3' } })).status).toBe(404);
    expect(
      (await call('getService', { token: demo, params: { tenantId: 'ten-3', serviceId: operation.target.id } })).status,
    ).toBe(404);
    expect((await call('getOperation', { token: demo, params: { operationId: operation.id } })).status).toBe(404);
    expect((await call('getOperation', { token: free, params: { operationId: operation.id } })).status).toBe(200);
  });

  it('a path outside the contract answers a 404 ErrorBody', async () => {
    const { api } = referenceClient();
    const response = await api.app.fetch(
      new Request(`${api.baseUrl}/no/such/route`, { headers: { 'X-Request-Id': 'r-1' } }),
    );
    expect(response.status).toBe(404);
    expect(errorOf(await response.json())).toEqual({
      code: 'NOT_FOUND',
      message: 'No route GET /api/no/such/route',
      requestId: 'r-1',
    });
  });
});

describe('reference API conflicts (409)', () => {
  it('a duplicate name answers 409 CONFLICT: tenant, service, account, environment, resource', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const tenantId = 'ten-1';
    const responses = await Promise.all([
      call('createTenant', { token, body: { name: 'northwind-labs', organizationId: 'org-1' } }),
      call('deployService', { token, params: { tenantId }, body: spec({ name: 'shop' }) }),
      call('createAccount', {
        token,
        params: { tenantId },
        body: { name: 'aws-production', cloudProvider: { name: 'aws', credentialId: 'AKIA', credentialSecret: 's' } },
      }),
      call('createEnvironment', { token, params: { tenantId }, body: { name: 'staging', account: 'acc-1' } }),
      call('createResource', {
        token,
        params: { tenantId },
        body: { type: 'string', name: 'log-level', value: 'debug' },
      }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([409, 409, 409, 409, 409]);
    for (const response of responses) expect(errorOf(response.body).code).toBe('CONFLICT');
  });

  it('adding someone already in an organization or a tenant answers 409', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    expect(
      (
        await call('addOrganizationMember', {
          token,
          params: { organizationId: 'org-1' },
          body: { email: viewerCredentials.email },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call('inviteTenantUser', {
          token,
          params: { tenantId: 'ten-1' },
          body: { email: viewerCredentials.email, role: 'member' },
        })
      ).status,
    ).toBe(409);
  });

  it('deleting what is still in use answers 409: tenant with services, account with environments, environment with services, resource used by a service, organization with tenants', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const responses = await Promise.all([
      call('deleteTenant', { token, params: { tenantId: 'ten-1' } }),
      call('deleteAccount', { token, params: { tenantId: 'ten-1', accountId: 'acc-1' } }),
      call('deleteEnvironment', { token, params: { tenantId: 'ten-1', environmentId: 'env-1' } }),
      call('deleteResource', { token, params: { tenantId: 'ten-1', resourceId: 'res-1' } }),
      call('deleteOrganization', { token, params: { organizationId: 'org-1' } }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([409, 409, 409, 409, 409]);
    expect(errorOf(responses[0].body).message).toBe(
      'Tenant northwind-prod still runs services (shop, payments, analytics); delete them first',
    );
  });

  it('the owner of a tenant cannot be removed or demoted (409) nor a second owner appointed (400)', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    expect((await call('removeTenantUser', { token, params: { tenantId: 'ten-2', userId: 'usr-4' } })).status).toBe(
      409,
    );
    const second = await call('changeTenantUserRole', {
      token,
      params: { tenantId: 'ten-2', userId: 'usr-3' },
      body: { role: 'owner' },
    });
    expect(second).toMatchObject({ status: 400, body: { details: [{ path: 'role' }] } });
  });
});

describe('reference API freemium plan', () => {
  it('a freemium user cannot reserve more than 2 vCPU and 4096 MB in total over the tenants they own', async () => {
    const { call, login } = referenceClient();
    const token = await login(freemiumCredentials);
    // Their hello service already reserves 1 vCPU (0.5 x 2 replicas) and 1024 MB.
    const response = await call('deployService', {
      token,
      params: { tenantId: 'ten-3' },
      body: spec({
        environment: 'env-4',
        account: 'acc-5',
        roles: [{ name: 'web', cpu: 1, memory: 512 }],
        maxReplicas: 2,
      }),
    });
    expect(response.status).toBe(400);
    const error = errorOf(response.body);
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'The deployment exceeds the freemium plan' });
    expect(error.details).toEqual([
      {
        path: 'roles',
        message:
          'The freemium plan allows 2 vCPU and 4096 MB in total; with this deployment the services of free@aurora.dev would reserve 3 vCPU and 2048 MB. Upgrade to premium (changePlan) or request less',
      },
    ]);
  });

  it('a deployment within the freemium limit is accepted', async () => {
    const { call, login } = referenceClient();
    const token = await login(freemiumCredentials);
    const body = spec({ environment: 'env-4', account: 'acc-5', roles: [{ name: 'web', cpu: 0.5, memory: 1024 }] });
    expect((await call('deployService', { token, params: { tenantId: 'ten-3' }, body })).status).toBe(202);
  });

  it('scaling past the freemium limit is refused as well', async () => {
    const { call, login } = referenceClient();
    const token = await login(freemiumCredentials);
    const user = UserSchema.parse((await call('loadUser', { token })).body);
    const hello = user.tenants.find((tenant) => tenant.id === 'ten-3')?.services[0];
    const response = await call('scaleService', {
      token,
      params: { tenantId: 'ten-3', serviceId: hello?.id ?? '' },
      body: { minReplicas: 1, maxReplicas: 5 },
    });
    expect(response).toMatchObject({ status: 400, body: { code: 'VALIDATION', details: [{ path: 'roles' }] } });
  });

  it('after changePlan to premium the same deployment is accepted', async () => {
    const { call, login } = referenceClient();
    const token = await login(freemiumCredentials);
    const body = spec({
      environment: 'env-4',
      account: 'acc-5',
      roles: [{ name: 'web', cpu: 0.5, memory: 512 }],
      maxReplicas: 2,
    });
    const big = { ...body, roles: [{ name: 'web', cpu: 1, memory: 512 }] };
    expect((await call('deployService', { token, params: { tenantId: 'ten-3' }, body: big })).status).toBe(400);
    await call('changePlan', { token, body: { plan: 'premium' } });
    expect((await call('deployService', { token, params: { tenantId: 'ten-3' }, body: big })).status).toBe(202);
  });

  it("the limit follows the plan of the tenant's owner: a freemium member deploys freely in a premium owner's tenant", async () => {
    const { call, login } = referenceClient();
    const token = await login(freemiumCredentials);
    const body = spec({ environment: 'env-3', account: 'acc-3', roles: [{ name: 'gpu', cpu: 8, memory: 16_384 }] });
    expect((await call('deployService', { token, params: { tenantId: 'ten-2' }, body })).status).toBe(202);
  });

  it('a deployment past the limits of its environment is refused with 400 too', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const body = spec({ environment: 'env-2', account: 'acc-2', roles: [{ name: 'web', cpu: 4, memory: 1024 }] });
    const response = await call('deployService', { token, params: { tenantId: 'ten-1' }, body });
    expect(response).toMatchObject({
      status: 400,
      body: { message: 'The deployment exceeds the limits of its environment', details: [{ path: 'roles' }] },
    });
  });
});

describe('reference API error bodies', () => {
  it('a body with hundreds of problems still answers an ErrorBody within its limits', async () => {
    const { call, login } = referenceClient();
    const token = await login(demoCredentials);
    const channels = Array.from({ length: 100 }, () => ({ name: 'X', kind: 'bad', protocol: 'bad' }));
    const response = await call('deployService', { token, params: { tenantId: 'ten-1' }, body: spec({ channels }) });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).details).toHaveLength(200);
  });
});
