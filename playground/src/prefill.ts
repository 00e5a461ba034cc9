import type { RequestName } from 'aurora-backend-handler';
import type { Context } from './context';
import { DEMO_LOGIN } from './login-view';

// Sensible values for every form: ids from the selection (or the first of their kind), examples elsewhere.

const inAYear = (): string => new Date(Date.now() + 365 * 86_400_000).toISOString().replace(/\.\d+Z$/, '.000Z');

/** Fields whose value comes from the selection: selecting another node overwrites them. */
export const CONTEXT_FIELDS: ReadonlySet<string> = new Set([
  'tenantId',
  'tenant',
  'organizationId',
  'accountId',
  'account',
  'environmentId',
  'environment',
  'serviceId',
  'instanceId',
  'resourceId',
  'tokenId',
  'itemId',
  'invoiceId',
  'revision',
  'linkName',
  'userId',
]);

/** Ids of the current context, by the field names the operations use for them. */
export function contextValue(field: string, ctx: Context): unknown {
  const { service, organization } = ctx;
  switch (field) {
    case 'tenantId':
    case 'tenant':
      return ctx.tenant?.id;
    case 'organizationId':
      return organization?.id;
    case 'accountId':
    case 'account':
      return ctx.account?.id;
    case 'environmentId':
    case 'environment':
      return ctx.environment?.id;
    case 'serviceId':
      return service?.id;
    case 'instanceId':
      return ctx.instance?.id;
    case 'resourceId':
      return ctx.resource?.id;
    case 'tokenId':
      return ctx.token?.id;
    case 'itemId':
      return ctx.marketplaceItem?.id;
    case 'invoiceId':
      return organization?.invoices[0]?.id;
    case 'revision':
      return service?.revisions.find((id) => id !== service.currentRevision) ?? service?.revisions[0];
    case 'linkName':
      return ctx.tenant?.services.flatMap((item) => item.links)[0]?.name;
    case 'userId':
      return organization?.usersIds.find((id) => id !== ctx.user?.id);
    default:
      return undefined;
  }
}

const listQuery = (field: string) => ({ limit: 20, sort: [{ field, direction: 'asc' }] });

/** Example values of fields that do not come from the context, per operation. */
function exampleValues(operation: RequestName, ctx: Context): Record<string, unknown> {
  const { service, account, environment, organization, resource, user } = ctx;
  switch (operation) {
    case 'login':
      return { ...DEMO_LOGIN };
    case 'updateUser':
      return { name: user?.name, surname: user?.surname, companyName: user?.companyName };
    case 'changePassword':
      return { currentPassword: DEMO_LOGIN.password };
    case 'changePlan':
      return { plan: user?.axebowPlan === 'premium' ? 'freemium' : 'premium' };
    case 'createToken':
      return { name: 'playground-token', description: 'Created from the playground', expiration: inAYear() };
    case 'createOrganization':
      return { name: 'Playground Org' };
    case 'updateOrganization':
      return { name: organization?.name };
    case 'updateBillingInformation':
      return { billingInformation: organization?.billingInformation };
    case 'loadInvoices':
      return { query: { limit: 12, sort: [{ field: 'date', direction: 'desc' }] } };
    case 'addOrganizationMember':
    case 'inviteTenantUser':
      return { email: 'free@aurora.dev', role: 'viewer' };
    case 'changeTenantUserRole':
      return { role: 'member' };
    case 'createTenant':
      return { name: 'playground' };
    case 'updateTenant':
      return { name: ctx.tenant?.name };
    case 'createAccount':
      // No secret: the user types it, in a password field.
      return {
        name: 'aws-playground',
        cloudProvider: {
          name: 'aws',
          region: 'eu-west-1',
          authType: 'accessKey',
          credentialId: 'AKIAPLAYGROUNDEXAMPLE',
        },
      };
    case 'updateAccount':
      return { name: account?.name, cloudProvider: account?.cloudProvider };
    case 'createEnvironment':
      return { name: 'qa', labels: ['qa'], limits: { cpu: 4, memory: 8192 } };
    case 'updateEnvironment':
      return { name: environment?.name, labels: environment?.labels };
    case 'createResource':
      return { type: 'string', name: 'log-format', value: 'json' };
    case 'updateResource':
      // A secret's value is never shown: the user types a new one.
      return { value: resource === undefined || resource.type === 'secret' ? '' : resource.value };
    case 'listServices':
      return { query: listQuery('name') };
    case 'loadMarketplace':
      return { query: listQuery('name') };
    case 'loadServiceRevisions':
      return { query: { limit: 10 } };
    case 'loadInstanceLogs':
      return { tail: 20 };
    case 'scaleService':
      return { minReplicas: service?.minReplicas ?? 1, maxReplicas: (service?.maxReplicas ?? 1) + 1 };
    case 'updateService':
      return serviceSpecExample(ctx);
    case 'linkServices':
      return linkExample(ctx);
    case 'deployMarketplaceItem':
      return { name: `${ctx.marketplaceItem?.name ?? 'item'}-playground` };
    default:
      return {};
  }
}

/** A full spec for updateService from the service as the tree holds it (cpu/memory are examples). */
function serviceSpecExample({ service }: Context): Record<string, unknown> {
  if (service === undefined) return {};
  const channels = (list: typeof service.serverChannels) =>
    list.map((channel) => ({ name: channel.name, protocol: channel.protocol ?? 'http', port: channel.port }));
  return {
    name: service.name,
    registry: service.registry,
    imageName: service.imageName,
    minReplicas: service.minReplicas ?? 1,
    maxReplicas: service.maxReplicas ?? 1,
    roles: service.roles.map((role) => ({ name: role.name, cpu: 0.5, memory: 512 })),
    serverChannels: channels(service.serverChannels),
    clientChannels: service.clientChannels.map((channel) => ({
      name: channel.name,
      protocol: channel.protocol ?? 'http',
    })),
    duplexChannels: channels(service.duplexChannels),
    links: [],
    resources: service.resources.map((item) => item.id),
  };
}

function linkExample({ tenant, service }: Context): Record<string, unknown> {
  const client = service?.clientChannels[0];
  const target = tenant?.services.find((item) => item.id !== service?.id && item.serverChannels.length > 0);
  return {
    name: 'playground-link',
    origin: { service: service?.id ?? '', channel: client?.name ?? '' },
    target: { service: target?.id ?? '', channel: target?.serverChannels[0]?.name ?? '' },
  };
}

/** The value a form field starts with, or `undefined` to leave it empty. */
export function prefillValue(operation: RequestName, field: string, ctx: Context): unknown {
  return contextValue(field, ctx) ?? exampleValues(operation, ctx)[field];
}
