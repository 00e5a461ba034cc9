import { buildDeploymentRequest, type DeploymentContext, type ServiceForm } from '../../api/deploy-service-helper';
import { BackendError } from '../../errors/backend-error';
import type { Environment, Tenant } from '../../interfaces';
import { buildAccount, buildEnvironment, buildResource, buildTenant, buildUsage } from '../../testing/factories';

// A deploy form in a tenant of the factories, for the tests of buildDeploymentRequest and buildUpdateRequest.

/** The `production` environment with `cpu` vCPU and `memory` MB already used out of 4 vCPU and 8192 MB. */
export function productionWithUsed(cpu: number, memory = 2048): Environment {
  const usage = buildUsage();
  return buildEnvironment({ usage: { ...usage, current: { ...usage.current, cpu, memory } } });
}

/**
 * A valid deploy form and the tenant it deploys into. The environment `production` has 2.5 vCPU and 6144 MB
 * left; the form asks for 1.5 vCPU and 1536 MB (two roles at maxReplicas 2). Service `svc-1` runs there using
 * 1.5 vCPU and 2048 MB.
 */
export function deployForm(overrides: Partial<ServiceForm> = {}, tenantOverrides: Partial<Tenant> = {}) {
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
export function errorOf(run: () => unknown): BackendError {
  try {
    run();
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected a BackendError, but nothing was thrown');
}

/** The paths of the details of the VALIDATION error that building a deploy request from `form` throws. */
export function rejectedPaths(form: unknown, context: DeploymentContext): string[] {
  const error = errorOf(() => buildDeploymentRequest(form, context));
  expect(error.code).toBe('VALIDATION');
  return error.details.map((detail) => detail.path);
}
