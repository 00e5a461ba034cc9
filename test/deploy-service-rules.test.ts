import { buildDeploymentRequest } from '../api/deploy-service-helper';
import { ADVICE } from '../errors/http-status';
import { deployForm, errorOf, productionWithUsed, rejectedPaths } from './support/deploy-form';

describe('buildDeploymentRequest', () => {
  it('accepts fractional vCPU that add up exactly to what remains', () => {
    const { form, context } = deployForm(
      { roles: [{ name: 'web', cpu: 0.1, memory: 64 }], maxReplicas: 3 },
      { environments: [productionWithUsed(3.7)] },
    );

    expect(buildDeploymentRequest(form, context).spec.roles).toEqual([{ name: 'web', cpu: 0.1, memory: 64 }]);
  });

  describe('rejects with one VALIDATION detail at the offending path', () => {
    it('when the form names another tenant than the loaded one', () => {
      const { form, context } = deployForm({ tenantId: 'ten-2' });
      expect(rejectedPaths(form, context)).toEqual(['tenantId']);
    });

    it('when two roles share a name', () => {
      const { form, context } = deployForm({
        roles: [
          { name: 'web', cpu: 0.5, memory: 512 },
          { name: 'web', cpu: 0.25, memory: 256 },
        ],
      });
      expect(rejectedPaths(form, context)).toEqual(['roles.1.name']);
    });

    it('when a channel name is used in two channel lists', () => {
      const { form, context } = deployForm({
        duplexChannels: [
          { name: 'gossip', protocol: 'tcp', port: 7946 },
          { name: 'http', protocol: 'https', port: 8443 },
        ],
      });
      expect(rejectedPaths(form, context)).toEqual(['duplexChannels.1.name']);
    });

    it('when the three channel lists hold more channels than a spec can', () => {
      const { form, context } = deployForm({
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
      const { form, context } = deployForm({ serverChannels: [{ name: 'http', protocol: 'https', port }] });
      expect(rejectedPaths(form, context)).toEqual(['serverChannels.0.port']);
    });

    it('when a server channel has no port', () => {
      const { form, context } = deployForm({ serverChannels: [{ name: 'http', protocol: 'https' }] });
      expect(rejectedPaths(form, context)).toEqual(['serverChannels.0.port']);
    });

    it('when a duplex channel has no port', () => {
      const { form, context } = deployForm({ duplexChannels: [{ name: 'gossip', protocol: 'tcp' }] });
      expect(rejectedPaths(form, context)).toEqual(['duplexChannels.0.port']);
    });

    it('when two channels listen on the same port', () => {
      const { form, context } = deployForm({ duplexChannels: [{ name: 'gossip', protocol: 'tcp', port: 443 }] });
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
      const { form, context } = deployForm({ links: [{ name: 'db-to-gossip', ...ends }] });
      expect(rejectedPaths(form, context)).toEqual([path]);
    });

    it('when minReplicas is above maxReplicas', () => {
      const { form, context } = deployForm({ minReplicas: 3, maxReplicas: 2 });
      expect(rejectedPaths(form, context)).toEqual(['maxReplicas']);
    });

    it('when a replica count is negative', () => {
      const { form, context } = deployForm({ minReplicas: -1 });
      expect(rejectedPaths(form, context)).toEqual(['minReplicas']);
    });

    it('when the environment is not in the tenant', () => {
      const { form, context } = deployForm({ environment: 'env-9' });
      expect(rejectedPaths(form, context)).toEqual(['environment']);
    });

    it('when the account is not in the tenant', () => {
      const { form, context } = deployForm({ account: 'acc-9' });
      expect(rejectedPaths(form, context)).toEqual(['account']);
    });

    it('when the environment belongs to another account of the tenant', () => {
      const { form, context } = deployForm({ account: 'acc-2' });

      const error = errorOf(() => buildDeploymentRequest(form, context));

      expect(error.details).toEqual([
        { path: 'environment', message: expect.stringContaining('belongs to account "acc-1", not "acc-2"') as string },
      ]);
    });

    it('when a referenced resource is not in the tenant', () => {
      const { form, context } = deployForm({ resources: ['res-1', 'res-9'] });
      expect(rejectedPaths(form, context)).toEqual(['resources.1']);
    });

    it('when the roles need more vCPU at maxReplicas than remain in the environment, naming both amounts', () => {
      const { form, context } = deployForm(
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
      const { form, context } = deployForm({
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
      const { form, context } = deployForm();
      expect(rejectedPaths({ ...form, image: 'shop/web:1.2.0' }, context)).toEqual(['image']);
    });

    it('when a key is not a field of a role', () => {
      const { form, context } = deployForm();
      const roles = [{ name: 'web', cpu: 0.5, memory: 512, gpu: 1 }];
      expect(rejectedPaths({ ...form, roles }, context)).toEqual(['roles.0.gpu']);
    });

    it('when a client channel carries a port', () => {
      const { form, context } = deployForm();
      const clientChannels = [{ name: 'db', protocol: 'tcp', port: 5432 }];
      expect(rejectedPaths({ ...form, clientChannels }, context)).toEqual(['clientChannels.0.port']);
    });
  });

  it('reports every broken rule at once in one error whose message says what failed and what to do', () => {
    const { form, context } = deployForm({
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
