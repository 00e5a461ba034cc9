import { checkServiceForm, checkUpdateServiceForm } from '../api/deploy-service-helper';
import { buildService } from '../testing/factories';
import { deployForm } from './support/deploy-form';

// The deploy form reports every problem, schema and rules, in one submit.

describe('checkServiceForm', () => {
  it('reports schema problems and rule problems of one form together, each at its field', () => {
    const { form, tenant } = deployForm({
      // Schema: a port out of range, an empty image name.
      serverChannels: [{ name: 'http', protocol: 'https', port: 70000 }],
      imageName: '',
      // Rules: min above max, an unknown resource, a duplicate role name.
      minReplicas: 3,
      maxReplicas: 2,
      resources: ['res-9'],
      roles: [
        { name: 'web', cpu: 0.25, memory: 256 },
        { name: 'web', cpu: 0.25, memory: 256 },
      ],
    });

    const checked = checkServiceForm(form, tenant, 'req-1');

    if (checked.ok) throw new Error('expected the form to be rejected');
    expect(checked.error).toMatchObject({ code: 'VALIDATION', requestId: 'req-1' });
    expect(checked.error.details).toEqual([
      { path: 'imageName', message: 'Image name is required' },
      { path: 'serverChannels.0.port', message: 'Port must be between 1 and 65535' },
      { path: 'roles.1.name', message: 'role name "web" is already used by another role: rename it' },
      { path: 'maxReplicas', message: 'must be at least minReplicas (3)' },
      { path: 'resources.0', message: 'no resource "res-9" in tenant acme' },
    ]);
    expect(checked.error.message).toMatch(/^The service was not deployed: the form has 5 problems/);
  });

  it('holds back only the rules that read a field the schema rejected', () => {
    // maxReplicas is not a number, so neither the replica range nor the capacity can be checked; the
    // unknown account still is.
    const { form, tenant } = deployForm({ maxReplicas: 'two' as unknown as number, account: 'acc-9' });

    const checked = checkServiceForm(form, tenant);

    expect(checked.ok ? [] : checked.error.details.map((detail) => detail.path)).toEqual(['maxReplicas', 'account']);
  });

  it('looks the tenant up by the form tenantId when given a lookup, and builds the request', () => {
    const { form, tenant } = deployForm();
    const asked: string[] = [];

    const checked = checkServiceForm(form, (tenantId) => {
      asked.push(tenantId);
      return tenant;
    });

    expect(asked).toEqual(['ten-1']);
    expect(checked.ok && checked.request.tenantId).toBe('ten-1');
    expect(checked.ok && checked.request.spec.channels.map((channel) => channel.name)).toEqual([
      'http',
      'db',
      'gossip',
    ]);
  });

  it('reports a tenant that is not loaded next to the schema problems of the same form', () => {
    const { form } = deployForm({ name: '' });

    const checked = checkServiceForm(form, () => undefined);

    expect(checked.ok ? [] : checked.error.details.map((detail) => detail.path)).toEqual(['name', 'tenantId']);
  });

  it('reports a form that is not an object as one problem', () => {
    const checked = checkServiceForm('shop', undefined);

    expect(checked.ok ? [] : checked.error.details).toEqual([
      { path: '', message: 'Input must be an object, got text' },
    ]);
  });
});

describe('checkUpdateServiceForm', () => {
  it('reports an unknown service, schema problems and rule problems in one pass', () => {
    const { form, tenant } = deployForm({ minReplicas: 4, cmd: 'x'.repeat(5000) });

    const checked = checkUpdateServiceForm({ ...form, serviceId: 'svc-9' }, tenant, 'req-2');

    expect(checked.ok ? [] : checked.error.details.map((detail) => detail.path)).toEqual([
      'cmd',
      'serviceId',
      'maxReplicas',
    ]);
    expect(checked.ok || checked.error.message).toMatch(/^The service was not updated: the form has 3 problems/);
  });

  it('builds the updateService request of a valid update form', () => {
    const { form, tenant } = deployForm({}, { services: [buildService({ id: 'svc-1' })] });

    const checked = checkUpdateServiceForm({ ...form, serviceId: 'svc-1' }, tenant);

    expect(checked.ok && { tenantId: checked.request.tenantId, serviceId: checked.request.serviceId }).toEqual({
      tenantId: 'ten-1',
      serviceId: 'svc-1',
    });
  });
});
