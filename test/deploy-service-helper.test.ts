import { ServiceSpecSchema, type ServiceSpec } from '../api/contract/service-spec';
import { buildDeploymentRequest, buildUpdateRequest } from '../api/deploy-service-helper';
import { buildService } from '../testing/factories';
import { deployForm, errorOf, productionWithUsed, rejectedPaths } from './support/deploy-form';

describe('buildDeploymentRequest', () => {
  it('turns a valid form into the deployService request whose spec parses with ServiceSpecSchema', () => {
    const { form, context } = deployForm();

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
    const { form, context } = deployForm({ description: '', entrypoint: '   ', logo: 'https://cdn.example.com/a.png' });
    Reflect.deleteProperty(form, 'cmd');

    const { spec } = buildDeploymentRequest(form, context);

    expect(spec).not.toHaveProperty('description');
    expect(spec).not.toHaveProperty('entrypoint');
    expect(spec).not.toHaveProperty('cmd');
    expect(spec.logo).toBe('https://cdn.example.com/a.png');
    expect(spec.project).toBe('shop');
  });

  it('does not change the form it is given', () => {
    const { form, context } = deployForm();
    const before = structuredClone(form);

    buildDeploymentRequest(form, context);

    expect(form).toStrictEqual(before);
  });

  it.each([
    ['a string', 'shop'],
    ['null', null],
    ['undefined', undefined],
    ['an array', []],
  ])('rejects %s instead of a form with a VALIDATION error about the whole input', (_kind, input) => {
    const { context } = deployForm();
    expect(rejectedPaths(input, context)).toEqual(['']);
  });
});

describe('buildDeploymentRequest with excludeServiceId', () => {
  it('gives that service its cpu and memory back to its environment before checking what remains', () => {
    const { form, context } = deployForm(
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
    const { form, context } = deployForm(
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
    const { form, tenant } = deployForm(
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
    const { form, context } = deployForm();

    const error = errorOf(() => buildUpdateRequest({ ...form, serviceId: 'svc-9' }, context));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map((detail) => detail.path)).toEqual(['serviceId']);
    expect(error.message).toMatch(/^The service was not updated: the form has 1 problem \(serviceId: /);
  });

  it('rejects an update form without serviceId', () => {
    const { form, context } = deployForm();

    const error = errorOf(() => buildUpdateRequest(form, context));

    expect(error.details.map((detail) => detail.path)).toEqual(['serviceId']);
  });
});
