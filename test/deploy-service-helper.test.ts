import { ServiceSpecSchema, type ServiceSpec } from '../api/contract/service-spec';
import {
  buildDeploymentRequest,
  buildUpdateRequest,
  type DeploymentContext,
  type ServiceForm,
} from '../api/deploy-service-helper';
import { BackendError } from '../errors/backend-error';
import { ADVICE } from '../errors/http-status';
import type { Environment, Tenant } from '../interfaces';
import {
  buildAccount,
  buildEnvironment,
  buildResource,
  buildService,
  buildTenant,
  buildUsage,
} from '../testing/factories';

/** The `production` environment with `cpu` vCPU and `memory` MB already used out of 4 vCPU and 8192 MB. */
function productionWithUsed(cpu: number, memory = 2048): Environment {
  const usage = buildUsage();
  return buildEnvironment({ usage: { ...usage, current: { ...usage.current, cpu, memory } } });
}

/**
 * A valid deploy form and the tenant it deploys into. The environment `production` has 2.5 vCPU and 6144 MB
 * left; the form asks for 1.5 vCPU and 1536 MB (two roles at maxReplicas 2). Service `svc-1` runs there using
 * 1.5 vCPU and 2048 MB.
 */
function setup(overrides: Partial<ServiceForm> = {}, tenantOverrides: Partial<Tenant> = {}) {
  const form: ServiceForm = {
    tenantId: 'ten-1',
    name: 'shop',
    environment: 'env-1',
    account: 'acc-1',
    description: 'Online shop',
    project: 'shop',
    registry: 'registry.example.com',
    imageName: 'shop/web:1.2.0',
    cmd: '--port 8080',
    minReplicas: 1,
    maxReplicas: 2,
    roles: [
      { name: 'web', cpu: 0.5, memory: 512 },
      { name: 'worker', cpu: 0.25, memory: 256 },
    ],
    serverChannels: [{ name: 'http', protocol: 'https', port: 443 }],
    clientChannels: [{ name: 'db', protocol: 'tcp' }],
    duplexChannels: [{ name: 'gossip', protocol: 'tcp', port: 7946 }],
    links: [{ name: 'db-to-gossip', origin: 'db', target: 'gossip' }],
    resources: ['res-1'],
    ...overrides,
  };
  const tenant = buildTenant({
    accounts: [buildAccount(), buildAccount({ id: 'acc-2', name: 'staging account', environments: ['env-2'] })],
    environments: [productionWithUsed(1.5)],
    resources: [buildResource(), buildResource({ id: 'res-2', type: 'volume', name: 'data' })],
    ...tenantOverrides,
  });
  const context: DeploymentContext = { tenant };
  return { form, context, tenant };
}

/** The BackendError `run` throws; fails the test when it returns or throws anything else. */
function errorOf(run: () => unknown): BackendError {
  try {
    run();
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected a BackendError, but nothing was thrown');
}

/** The paths of the details of the VALIDATION error that building a deploy request from `form` throws. */
function rejectedPaths(form: unknown, context: DeploymentContext): string[] {
  const error = errorOf(() => buildDeploymentRequest(form, context));
  expect(error.code).toBe('VALIDATION');
  return error.details.map((detail) => detail.path);
}

describe('buildDeploymentRequest', () => {
  it('turns a valid form into the deployService request whose spec parses with ServiceSpecSchema', () => {
    const { form, context } = setup();

    const request = buildDeploymentRequest(form, context);

    const expected: ServiceSpec = {
      name: 'shop',
      environment: 'env-1',
      account: 'acc-1',
      description: 'Online shop',
      project: 'shop',
      registry: 'registry.example.com',
      imageName: 'shop/web:1.2.0',
      cmd: '--port 8080',
      minReplicas: 1,
      maxReplicas: 2,
      roles: [
        { name: 'web', cpu: 0.5, memory: 512 },
        { name: 'worker', cpu: 0.25, memory: 256 },
      ],
      channels: [
        { name: 'http', kind: 'server', protocol: 'https', port: 443 },
        { name: 'db', kind: 'client', protocol: 'tcp' },
        { name: 'gossip', kind: 'duplex', protocol: 'tcp', port: 7946 },
      ],
      links: [{ name: 'db-to-gossip', origin: 'db', target: 'gossip' }],
      resources: ['res-1'],
    };
    expect(request).toStrictEqual({ tenantId: 'ten-1', spec: expected });
    expect(ServiceSpecSchema.parse(request.spec)).toStrictEqual(expected);
  });

  it('leaves absent and blank optional text fields out of the spec', () => {
    const { form, context } = setup({ description: '', entrypoint: '   ', logo: 'https://cdn.example.com/a.png' });
    Reflect.deleteProperty(form, 'cmd');

    const { spec } = buildDeploymentRequest(form, context);

    expect(spec).not.toHaveProperty('description');
    expect(spec).not.toHaveProperty('entrypoint');
    expect(spec).not.toHaveProperty('cmd');
    expect(spec.logo).toBe('https://cdn.example.com/a.png');
    expect(spec.project).toBe('shop');
  });

  it('does not change the form it is given', () => {
    const { form, context } = setup();
    const before = structuredClone(form);

    buildDeploymentRequest(form, context);

    expect(form).toStrictEqual(before);
  });

  it('accepts fractional vCPU that add up exactly to what remains', () => {
    const { form, context } = setup(
      { roles: [{ name: 'web', cpu: 0.1, memory: 64 }], maxReplicas: 3 },
      { environments: [productionWithUsed(3.7)] },
    );

    expect(buildDeploymentRequest(form, context).spec.roles).toEqual([{ name: 'web', cpu: 0.1, memory: 64 }]);
  });

  describe('rejects with one VALIDATION detail at the offending path', () => {
    it('when the form names another tenant than the loaded one', () => {
      const { form, context } = setup({ tenantId: 'ten-2' });
      expect(rejectedPaths(form, context)).toEqual(['tenantId']);
    });

    it('when two roles share a name', () => {
      const { form, context } = setup({
        roles: [
          { name: 'web', cpu: 0.5, memory: 512 },
          { name: 'web', cpu: 0.25, memory: 256 },
        ],
      });
      expect(rejectedPaths(form, context)).toEqual(['roles.1.name']);
    });

    it('when a channel name is used in two channel lists', () => {
      const { form, context } = setup({
        duplexChannels: [
          { name: 'gossip', protocol: 'tcp', port: 7946 },
          { name: 'http', protocol: 'https', port: 8443 },
        ],
      });
      expect(rejectedPaths(form, context)).toEqual(['duplexChannels.1.name']);
    });

    it('when the three channel lists hold more channels than a spec can', () => {
      const { form, context } = setup({
        serverChannels: Array.from({ length: 60 }, (_, i) => ({
          name: `s${i}`,
          protocol: 'http' as const,
          port: 1000 + i,
        })),
        clientChannels: Array.from({ length: 41 }, (_, i) => ({ name: `c${i}`, protocol: 'http' as const })),
        duplexChannels: [],
        links: [],
      });
      expect(rejectedPaths(form, context)).toEqual(['serverChannels']);
    });

    it.each([0, 65_536, 80.5])('when a channel port is %s, outside 1-65535', (port) => {
      const { form, context } = setup({ serverChannels: [{ name: 'http', protocol: 'https', port }] });
      expect(rejectedPaths(form, context)).toEqual(['serverChannels.0.port']);
    });

    it('when a server channel has no port', () => {
      const { form, context } = setup({ serverChannels: [{ name: 'http', protocol: 'https' }] });
      expect(rejectedPaths(form, context)).toEqual(['serverChannels.0.port']);
    });

    it('when a duplex channel has no port', () => {
      const { form, context } = setup({ duplexChannels: [{ name: 'gossip', protocol: 'tcp' }] });
      expect(rejectedPaths(form, context)).toEqual(['duplexChannels.0.port']);
    });

    it('when two channels listen on the same port', () => {
      const { form, context } = setup({ duplexChannels: [{ name: 'gossip', protocol: 'tcp', port: 443 }] });
      expect(rejectedPaths(form, context)).toEqual(['duplexChannels.0.port']);
    });

    it.each([
      ['its origin is not a channel of the form', { origin: 'cache', target: 'gossip' }, 'links.0.origin'],
      ['its target is not a channel of the form', { origin: 'db', target: 'cache' }, 'links.0.target'],
      ['its origin is a server channel', { origin: 'http', target: 'gossip' }, 'links.0.origin'],
      ['its target is a client channel', { origin: 'gossip', target: 'db' }, 'links.0.target'],
      ['it joins a channel to itself', { origin: 'gossip', target: 'gossip' }, 'links.0.target'],
      ['it joins tcp to https', { origin: 'db', target: 'http' }, 'links.0.target'],
    ])('when a link is wrong because %s', (_reason, ends, path) => {
      const { form, context } = setup({ links: [{ name: 'db-to-gossip', ...ends }] });
      expect(rejectedPaths(form, context)).toEqual([path]);
    });

    it('when minReplicas is above maxReplicas', () => {
      const { form, context } = setup({ minReplicas: 3, maxReplicas: 2 });
      expect(rejectedPaths(form, context)).toEqual(['maxReplicas']);
    });

    it('when a replica count is negative', () => {
      const { form, context } = setup({ minReplicas: -1 });
      expect(rejectedPaths(form, context)).toEqual(['minReplicas']);
    });

    it('when the environment is not in the tenant', () => {
      const { form, context } = setup({ environment: 'env-9' });
      expect(rejectedPaths(form, context)).toEqual(['environment']);
    });

    it('when the account is not in the tenant', () => {
      const { form, context } = setup({ account: 'acc-9' });
      expect(rejectedPaths(form, context)).toEqual(['account']);
    });

    it('when the environment belongs to another account of the tenant', () => {
      const { form, context } = setup({ account: 'acc-2' });

      const error = errorOf(() => buildDeploymentRequest(form, context));

      expect(error.details).toEqual([
        { path: 'environment', message: expect.stringContaining('belongs to account "acc-1", not "acc-2"') as string },
      ]);
    });

    it('when a referenced resource is not in the tenant', () => {
      const { form, context } = setup({ resources: ['res-1', 'res-9'] });
      expect(rejectedPaths(form, context)).toEqual(['resources.1']);
    });

    it('when the roles need more vCPU at maxReplicas than remain in the environment, naming both amounts', () => {
      const { form, context } = setup(
        {
          roles: [
            { name: 'web', cpu: 1, memory: 512 },
            { name: 'worker', cpu: 0.5, memory: 256 },
          ],
        },
        { environments: [productionWithUsed(2.5)] },
      );

      const error = errorOf(() => buildDeploymentRequest(form, context));

      expect(error.code).toBe('VALIDATION');
      expect(error.details).toEqual([
        {
          path: 'roles',
          message: expect.stringContaining('needs 3 vCPU, 1.5 vCPU remain in environment production') as string,
        },
      ]);
      expect(error.message).toContain('needs 3 vCPU, 1.5 vCPU remain in environment production');
    });

    it('when the roles need more memory at maxReplicas than remain in the environment, naming both amounts', () => {
      const { form, context } = setup({
        roles: [
          { name: 'web', cpu: 0.5, memory: 2048 },
          { name: 'worker', cpu: 0.25, memory: 2048 },
        ],
      });

      const error = errorOf(() => buildDeploymentRequest(form, context));

      expect(error.details).toEqual([
        {
          path: 'roles',
          message: expect.stringContaining('needs 8192 MB, 6144 MB remain in environment production') as string,
        },
      ]);
    });

    it('when a key is not a field of the form', () => {
      const { form, context } = setup();
      expect(rejectedPaths({ ...form, image: 'shop/web:1.2.0' }, context)).toEqual(['image']);
    });

    it('when a key is not a field of a role', () => {
      const { form, context } = setup();
      const roles = [{ name: 'web', cpu: 0.5, memory: 512, gpu: 1 }];
      expect(rejectedPaths({ ...form, roles }, context)).toEqual(['roles.0.gpu']);
    });

    it('when a client channel carries a port', () => {
      const { form, context } = setup();
      const clientChannels = [{ name: 'db', protocol: 'tcp', port: 5432 }];
      expect(rejectedPaths({ ...form, clientChannels }, context)).toEqual(['clientChannels.0.port']);
    });
  });

  it.each([
    ['a string', 'shop'],
    ['null', null],
    ['undefined', undefined],
    ['an array', []],
  ])('rejects %s instead of a form with a VALIDATION error about the whole input', (_kind, input) => {
    const { context } = setup();
    expect(rejectedPaths(input, context)).toEqual(['']);
  });

  it('reports every broken rule at once in one error whose message says what failed and what to do', () => {
    const { form, context } = setup({
      account: 'acc-9',
      minReplicas: 3,
      roles: [
        { name: 'web', cpu: 2, memory: 512 },
        { name: 'web', cpu: 0.25, memory: 256 },
      ],
      serverChannels: [{ name: 'http', protocol: 'https' }],
      links: [{ name: 'db-to-gossip', origin: 'db', target: 'cache' }],
      resources: ['res-9'],
    });

    const error = errorOf(() => buildDeploymentRequest(form, context));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map((detail) => detail.path)).toEqual([
      'roles.1.name',
      'serverChannels.0.port',
      'links.0.target',
      'maxReplicas',
      'account',
      'resources.0',
      'roles',
    ]);
    expect(error.message).toMatch(
      /^The service was not deployed: the form has 7 problems \(roles\.1\.name: .*; and 4 more\)\./,
    );
    expect(error.message).toContain(ADVICE.VALIDATION);
  });
});

describe('buildDeploymentRequest with excludeServiceId', () => {
  it('gives that service its cpu and memory back to its environment before checking what remains', () => {
    const { form, context } = setup(
      {
        roles: [
          { name: 'web', cpu: 1, memory: 512 },
          { name: 'worker', cpu: 0.5, memory: 256 },
        ],
      },
      { environments: [productionWithUsed(2.5)] },
    );
    expect(rejectedPaths(form, context)).toEqual(['roles']);

    const { spec } = buildDeploymentRequest(form, { ...context, excludeServiceId: 'svc-1' });

    expect(spec.roles.map((role) => role.cpu)).toEqual([1, 0.5]);
  });
});

describe('buildUpdateRequest', () => {
  it('gives the replaced service its cpu and memory back before checking what remains', () => {
    const { form, context } = setup(
      {
        roles: [
          { name: 'web', cpu: 1, memory: 512 },
          { name: 'worker', cpu: 0.5, memory: 256 },
        ],
      },
      { environments: [productionWithUsed(2.5)] },
    );
    expect(rejectedPaths(form, context)).toEqual(['roles']);

    const request = buildUpdateRequest({ ...form, serviceId: 'svc-1' }, context);

    expect(request.tenantId).toBe('ten-1');
    expect(request.serviceId).toBe('svc-1');
    expect(request.spec).toStrictEqual(buildDeploymentRequest(form, { ...context, excludeServiceId: 'svc-1' }).spec);
  });

  it('does not give back the usage of a service that runs in another environment', () => {
    const elsewhere = buildService({ id: 'svc-2', environment: 'env-2' });
    const { form, tenant } = setup(
      {
        roles: [
          { name: 'web', cpu: 1, memory: 512 },
          { name: 'worker', cpu: 0.5, memory: 256 },
        ],
      },
      { environments: [productionWithUsed(2.5)] },
    );
    const withElsewhere = { tenant: { ...tenant, services: [...tenant.services, elsewhere] } };

    const error = errorOf(() => buildUpdateRequest({ ...form, serviceId: 'svc-2' }, withElsewhere));

    expect(error.details.map((detail) => detail.path)).toEqual(['roles']);
  });

  it('rejects an update of a service that is not in the tenant', () => {
    const { form, context } = setup();

    const error = errorOf(() => buildUpdateRequest({ ...form, serviceId: 'svc-9' }, context));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map((detail) => detail.path)).toEqual(['serviceId']);
    expect(error.message).toMatch(/^The service was not updated: the form has 1 problem \(serviceId: /);
  });

  it('rejects an update form without serviceId', () => {
    const { form, context } = setup();

    const error = errorOf(() => buildUpdateRequest(form, context));

    expect(error.details.map((detail) => detail.path)).toEqual(['serviceId']);
  });
});
