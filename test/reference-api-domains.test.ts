import { CredentialsCheckSchema } from '../api/contract/account-routes';
import { ErrorBodySchema } from '../api/contract/error-body';
import { InstanceLogsSchema } from '../api/contract/service-routes';
import { TenantMemberSchema } from '../api/contract/tenant-routes';
import {
  AccountSchema,
  EnvironmentSchema,
  LinkSchema,
  OrganizationSchema,
  ResourceSchema,
  ServiceSchema,
  TenantSchema,
  UserSchema,
} from '../interfaces';
import { demoCredentials, freemiumCredentials, viewerCredentials } from '../testing';
import { signedInClient } from './support/reference-client';

const detailPaths = (body: unknown) => (ErrorBodySchema.parse(body).details ?? []).map((detail) => detail.path);

describe('reference API organizations', () => {
  it('createOrganization makes the user its owner and fills the billing information from the user', async () => {
    const { call, token } = await signedInClient();
    const created = await call('createOrganization', { token, body: { name: 'Side Project' } });
    expect(created.status).toBe(201);
    expect(OrganizationSchema.parse(created.body)).toMatchObject({
      name: 'Side Project',
      usersIds: ['usr-1'],
      tenantsIds: [],
      invoices: [],
      billingInformation: { legalName: 'Side Project', email: demoCredentials.email },
    });
  });

  it('the owner renames, bills, adds and removes members, and deletes an organization without tenants', async () => {
    const { call, login, token } = await signedInClient();
    const { id } = OrganizationSchema.parse(
      (await call('createOrganization', { token, body: { name: 'Side Project' } })).body,
    );
    const params = { organizationId: id };
    expect(
      OrganizationSchema.parse((await call('updateOrganization', { token, params, body: { name: 'Renamed' } })).body)
        .name,
    ).toBe('Renamed');
    const billing = {
      legalName: 'Side S.L.',
      CIFNIF: 'B11111111',
      email: 'pay@side.example',
      language: 'en',
      country: 'Spain',
      region: '',
      city: 'Bilbao',
      address: 'Gran Vía 1',
      zipcode: '48001',
    };
    expect(
      OrganizationSchema.parse((await call('updateBillingInformation', { token, params, body: billing })).body)
        .billingInformation,
    ).toEqual(billing);
    const added = OrganizationSchema.parse(
      (await call('addOrganizationMember', { token, params, body: { email: freemiumCredentials.email } })).body,
    );
    expect(added.usersIds).toEqual(['usr-1', 'usr-3']);
    const free = await login(freemiumCredentials);
    expect(
      UserSchema.parse((await call('loadUser', { token: free })).body).organizations.map((item) => item.name),
    ).toContain('Renamed');
    expect(
      OrganizationSchema.parse(
        (await call('removeOrganizationMember', { token, params: { ...params, userId: 'usr-3' } })).body,
      ).usersIds,
    ).toEqual(['usr-1']);
    expect((await call('deleteOrganization', { token, params })).status).toBe(204);
    expect((await call('loadInvoices', { token, params })).status).toBe(404);
  });

  it('adding an email nobody registered answers 400 with an email detail', async () => {
    const { call, token } = await signedInClient();
    const response = await call('addOrganizationMember', {
      token,
      params: { organizationId: 'org-1' },
      body: { email: 'ghost@aurora.dev' },
    });
    expect(response.status).toBe(400);
    expect(detailPaths(response.body)).toEqual(['email']);
  });
});

describe('reference API tenants and members', () => {
  it('createTenant makes the creator owner and stocks the marketplace', async () => {
    const { call, token } = await signedInClient();
    const created = await call('createTenant', { token, body: { name: 'northwind-dev', organizationId: 'org-1' } });
    expect(created.status).toBe(201);
    const tenant = TenantSchema.parse(created.body);
    expect(tenant).toMatchObject({ role: 'owner', users: 1, organizationsIds: ['org-1'], services: [] });
    expect(tenant.marketplaceItems.map((item) => item.name)).toEqual(['postgres', 'redis', 'grafana', 'keycloak']);
  });

  it('a tenant in an organization the user does not belong to is refused with 400', async () => {
    const { call, token } = await signedInClient();
    const response = await call('createTenant', { token, body: { name: 'x', organizationId: 'org-2' } });
    expect(detailPaths(response.body)).toEqual(['organizationId']);
  });

  it('invited users see the tenant with their role; admins change roles and remove them', async () => {
    const { call, login, token } = await signedInClient();
    const { id: tenantId } = TenantSchema.parse(
      (await call('createTenant', { token, body: { name: 'shared', organizationId: 'org-1' } })).body,
    );
    const invited = await call('inviteTenantUser', {
      token,
      params: { tenantId },
      body: { email: freemiumCredentials.email, role: 'member' },
    });
    expect(invited.status).toBe(201);
    expect(TenantMemberSchema.parse(invited.body)).toEqual({
      tenant: tenantId,
      userId: 'usr-3',
      email: freemiumCredentials.email,
      role: 'member',
    });
    const free = await login(freemiumCredentials);
    const seen = () =>
      call('loadUser', { token: free }).then((response) =>
        UserSchema.parse(response.body).tenants.find((tenant) => tenant.id === tenantId),
      );
    expect((await seen())?.role).toBe('member');
    await call('changeTenantUserRole', { token, params: { tenantId, userId: 'usr-3' }, body: { role: 'viewer' } });
    expect((await seen())?.role).toBe('viewer');
    expect((await call('removeTenantUser', { token, params: { tenantId, userId: 'usr-3' } })).status).toBe(204);
    expect(await seen()).toBeUndefined();
  });

  it('a member may leave a tenant on their own', async () => {
    const { call, login } = await signedInClient();
    const viewer = await login(viewerCredentials);
    expect(
      (await call('removeTenantUser', { token: viewer, params: { tenantId: 'ten-1', userId: 'usr-2' } })).status,
    ).toBe(204);
    expect((await call('listServices', { token: viewer, params: { tenantId: 'ten-1' } })).status).toBe(404);
  });

  it('the owner renames a tenant and deletes it once it runs no services', async () => {
    const { call, token } = await signedInClient();
    const { id: tenantId } = TenantSchema.parse(
      (await call('createTenant', { token, body: { name: 'temp', organizationId: 'org-1' } })).body,
    );
    expect(
      TenantSchema.parse((await call('updateTenant', { token, params: { tenantId }, body: { name: 'temp-2' } })).body)
        .name,
    ).toBe('temp-2');
    expect((await call('deleteTenant', { token, params: { tenantId } })).status).toBe(204);
    expect((await call('listServices', { token, params: { tenantId } })).status).toBe(404);
  });
});

describe('reference API accounts and environments', () => {
  it('createAccount never answers the credential secret and picks the flavors of the provider', async () => {
    const { call, token } = await signedInClient();
    const body = {
      name: 'aws-eu-central',
      cloudProvider: {
        name: 'aws',
        region: 'eu-central-1',
        credentialId: 'AKIA-NEW',
        credentialSecret: 'super-secret-key-123',
      },
    };
    const response = await call('createAccount', { token, params: { tenantId: 'ten-1' }, body });
    expect(response.status).toBe(201);
    expect(JSON.stringify(response.body)).not.toContain('super-secret-key-123');
    expect(AccountSchema.parse(response.body)).toMatchObject({
      status: 'active',
      environments: [],
      flavors: { small: 't3.small' },
    });
  });

  it('validateAccountCredentials accepts good credentials and refuses expired ones, marking the account', async () => {
    const { call, token } = await signedInClient();
    const good = CredentialsCheckSchema.parse(
      (await call('validateAccountCredentials', { token, params: { tenantId: 'ten-1', accountId: 'acc-1' } })).body,
    );
    expect(good).toMatchObject({
      accountId: 'acc-1',
      valid: true,
      message: 'aws accepted AKIA4NORTHWIND7EXAMPLE in eu-west-1',
      account: { id: 'acc-1', status: 'active' },
    });
    const bad = CredentialsCheckSchema.parse(
      (await call('validateAccountCredentials', { token, params: { tenantId: 'ten-2', accountId: 'acc-4' } })).body,
    );
    expect(bad.valid).toBe(false);
  });

  it('rotating the secret with updateAccount leaves the account pending until validated', async () => {
    const { call, token } = await signedInClient();
    const params = { tenantId: 'ten-1', accountId: 'acc-2' };
    const updated = await call('updateAccount', {
      token,
      params,
      body: { cloudProvider: { credentialSecret: 'rotated-pass-456' } },
    });
    expect(AccountSchema.parse(updated.body)).toMatchObject({
      status: 'pending',
      cloudProvider: { credentialId: 'northwind-ci' },
    });
    await call('validateAccountCredentials', { token, params });
    expect(
      AccountSchema.parse((await call('updateAccount', { token, params, body: { name: 'openstack-mad' } })).body)
        .status,
    ).toBe('active');
  });

  it('environments are created on an account of the tenant, changed, and deleted when they run no services', async () => {
    const { call, token } = await signedInClient();
    const created = await call('createEnvironment', {
      token,
      params: { tenantId: 'ten-1' },
      body: { name: 'qa', account: 'acc-2', labels: ['qa'] },
    });
    const environment = EnvironmentSchema.parse(created.body);
    expect(environment).toMatchObject({
      account: 'acc-2',
      cloudProvider: 'openstack',
      usage: { limit: { cpu: { max: 32 } } },
    });
    const params = { tenantId: 'ten-1', environmentId: environment.id };
    const changed = await call('updateEnvironment', { token, params, body: { limits: { cpu: 4, memory: 8192 } } });
    expect(EnvironmentSchema.parse(changed.body).usage.limit.cpu.max).toBe(4);
    expect((await call('deleteEnvironment', { token, params })).status).toBe(204);
    const foreign = await call('createEnvironment', {
      token,
      params: { tenantId: 'ten-1' },
      body: { name: 'x', account: 'acc-3' },
    });
    expect(detailPaths(foreign.body)).toEqual(['account']);
  });

  it('an account without environments can be deleted', async () => {
    const { call, token } = await signedInClient();
    expect((await call('deleteAccount', { token, params: { tenantId: 'ten-2', accountId: 'acc-4' } })).status).toBe(
      204,
    );
  });
});

describe('reference API resources, links and logs', () => {
  it('a secret resource never answers its value; other resources do', async () => {
    const { call, token } = await signedInClient();
    const secret = await call('createResource', {
      token,
      params: { tenantId: 'ten-1' },
      body: { type: 'secret', name: 'api-key', value: 'k-123456789' },
    });
    expect(secret.status).toBe(201);
    expect(ResourceSchema.parse(secret.body).value).toBeUndefined();
    expect(JSON.stringify(secret.body)).not.toContain('k-123456789');
    const volume = await call('createResource', {
      token,
      params: { tenantId: 'ten-1' },
      body: { type: 'volume', name: 'uploads', value: '1024', kind: 'persistent' },
    });
    expect(ResourceSchema.parse(volume.body)).toMatchObject({ value: '1024', kind: 'persistent' });
  });

  it('a resource value that does not suit its type, or a volume without kind, answers 400', async () => {
    const { call, token } = await signedInClient();
    const create = (body: object) => call('createResource', { token, params: { tenantId: 'ten-1' }, body });
    expect(detailPaths((await create({ type: 'volume', name: 'v', value: '10' })).body)).toEqual(['kind']);
    expect(detailPaths((await create({ type: 'port', name: 'p', value: '70000' })).body)).toEqual(['value']);
    expect(detailPaths((await create({ type: 'string', name: 's', value: 'x', kind: 'volatile' })).body)).toEqual([
      'kind',
    ]);
  });

  it('updateResource replaces the value and deleteResource removes an unused resource', async () => {
    const { call, token } = await signedInClient();
    const params = { tenantId: 'ten-1', resourceId: 'res-7' };
    expect(
      ResourceSchema.parse((await call('updateResource', { token, params, body: { value: 'debug' } })).body).value,
    ).toBe('debug');
    expect((await call('deleteResource', { token, params: { tenantId: 'ten-1', resourceId: 'res-6' } })).status).toBe(
      409,
    );
    const created = ResourceSchema.parse(
      (
        await call('createResource', {
          token,
          params: { tenantId: 'ten-1' },
          body: { type: 'number', name: 'n', value: '42' },
        })
      ).body,
    );
    expect(
      (await call('deleteResource', { token, params: { tenantId: 'ten-1', resourceId: created.id } })).status,
    ).toBe(204);
  });

  it('a seeded link joins the client channel of shop to the server channel of payments', async () => {
    const { call, token } = await signedInClient();
    const shop = ServiceSchema.parse(
      (await call('getService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-1' } })).body,
    );
    const payments = ServiceSchema.parse(
      (await call('getService', { token, params: { tenantId: 'ten-1', serviceId: 'svc-2' } })).body,
    );
    expect(shop.clientChannels).toEqual([{ name: 'payments', from: 'shop', to: 'payments', protocol: 'http' }]);
    expect(payments.serverChannels).toEqual([
      { name: 'api', from: 'shop', to: 'payments', protocol: 'http', port: 8080 },
    ]);
    expect(shop.links).toEqual([{ name: 'shop-payments', origin: 'svc-1', target: 'svc-2' }]);
  });

  it('linkServices joins a client channel to a server channel; unlinkServices removes it', async () => {
    const { call, token } = await signedInClient();
    const params = { tenantId: 'ten-1' };
    await call('unlinkServices', { token, params: { ...params, linkName: 'shop-payments' } });
    const body = {
      name: 'shop-analytics',
      origin: { service: 'svc-1', channel: 'payments' },
      target: { service: 'svc-3', channel: 'dashboard' },
    };
    const linked = await call('linkServices', { token, params, body });
    expect(linked.status).toBe(201);
    expect(LinkSchema.parse(linked.body)).toEqual({ name: 'shop-analytics', origin: 'svc-1', target: 'svc-3' });
    expect((await call('linkServices', { token, params, body })).status).toBe(409);
    expect((await call('unlinkServices', { token, params: { ...params, linkName: 'shop-analytics' } })).status).toBe(
      204,
    );
    expect((await call('unlinkServices', { token, params: { ...params, linkName: 'shop-analytics' } })).status).toBe(
      404,
    );
  });

  it('a link to a channel of the wrong kind answers 400 naming the end', async () => {
    const { call, token } = await signedInClient();
    const body = {
      name: 'bad',
      origin: { service: 'svc-2', channel: 'api' },
      target: { service: 'svc-1', channel: 'https' },
    };
    const response = await call('linkServices', { token, params: { tenantId: 'ten-1' }, body });
    expect(detailPaths(response.body)).toEqual(['origin.channel']);
  });

  it('loadInstanceLogs answers the last lines with tail and the recent ones with since', async () => {
    const { api, call, token } = await signedInClient();
    const instance = api.store.services.get('svc-1')?.instances.find((item) => item.role === 'frontend');
    const params = { tenantId: 'ten-1', serviceId: 'svc-1', instanceId: instance?.id ?? '' };
    const tail = InstanceLogsSchema.parse(
      (await call('loadInstanceLogs', { token, params, query: { tail: '3' } })).body,
    );
    expect(tail.lines).toEqual(instance?.logs.slice(-3));
    const fifthLast = instance?.logs.at(-5) ?? '';
    const from = fifthLast.slice(0, fifthLast.indexOf(' '));
    const since = InstanceLogsSchema.parse(
      (await call('loadInstanceLogs', { token, params, query: { since: from } })).body,
    );
    expect(since.lines).toEqual(instance?.logs.slice(-5));
    expect(detailPaths((await call('loadInstanceLogs', { token, params, query: { tail: '0' } })).body)).toEqual([
      'tail',
    ]);
  });
});
