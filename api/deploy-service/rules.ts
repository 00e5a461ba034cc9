import type { ErrorDetail } from '../../errors/backend-error';
import type { ChannelProtocol } from '../../interfaces/channel-interface';
import type { Environment } from '../../interfaces/environment-interface';
import type { Tenant } from '../../interfaces/tenant-interface';
import { MAX_CHANNELS, formChannels, type FormChannel, type ParsedServiceForm } from './form-schema';

/** The tenant a form deploys into, as held in the handler's state (environments with usage, resources, services). */
export interface DeploymentContext {
  tenant: Tenant;
  /** A service whose current cpu/memory is given back to its environment first: the one an update replaces. */
  excludeServiceId?: string;
}

/** One rule of a deployment: every problem it finds, each at the path of the field to correct. */
export type DeploymentRule = (form: ParsedServiceForm, context: DeploymentContext) => ErrorDetail[];

/** The fields of the form a rule reads: it runs only when all of them passed the form schema. */
export type FormField = keyof ParsedServiceForm;

const CHANNELS: readonly FormField[] = ['serverChannels', 'clientChannels', 'duplexChannels'];

/** Every rule a deploy form must pass, with the fields it reads; all run, so every problem is reported at once. */
export const DEPLOYMENT_RULES: readonly { rule: DeploymentRule; reads: readonly FormField[] }[] = [
  { rule: targetsContextTenant, reads: ['tenantId'] },
  { rule: roleNamesAreUnique, reads: ['roles'] },
  { rule: channelNamesAreUnique, reads: CHANNELS },
  { rule: channelCountFitsSpec, reads: CHANNELS },
  { rule: listeningChannelsHaveUniquePorts, reads: CHANNELS },
  { rule: linksJoinCompatibleChannels, reads: ['links', ...CHANNELS] },
  { rule: replicaRangeIsOrdered, reads: ['minReplicas', 'maxReplicas'] },
  { rule: environmentBelongsToAccount, reads: ['environment', 'account'] },
  { rule: resourcesExist, reads: ['resources'] },
  { rule: requestFitsEnvironment, reads: ['environment', 'roles', 'maxReplicas'] },
];

/**
 * The problems `form` has against every rule of {@link DEPLOYMENT_RULES}, in rule order. With `validFields`,
 * `form` may be partial (what passed the schema of a form that has problems too): only the rules whose
 * fields are all valid run, so a form's schema problems and rule problems are reported in one pass.
 */
export function checkDeploymentRules(
  form: ParsedServiceForm,
  context: DeploymentContext,
  validFields?: ReadonlySet<string>,
): ErrorDetail[] {
  return DEPLOYMENT_RULES.flatMap(({ rule, reads }) =>
    validFields === undefined || reads.every((field) => validFields.has(field)) ? rule(form, context) : [],
  );
}

/** The form names the tenant the context holds, so the other rules check against the right data. */
export function targetsContextTenant(form: ParsedServiceForm, { tenant }: DeploymentContext): ErrorDetail[] {
  if (form.tenantId === tenant.id) return [];
  return [{ path: 'tenantId', message: `is "${form.tenantId}" but the loaded tenant is "${tenant.id}"` }];
}

/** No two roles share a name. */
export function roleNamesAreUnique(form: ParsedServiceForm): ErrorDetail[] {
  return laterDuplicates(form.roles.map((role, index) => ({ key: role.name, path: `roles.${index}.name` }))).map(
    ({ key, path }) => ({ path, message: `role name "${key}" is already used by another role: rename it` }),
  );
}

/** No two channels share a name, across the server, client and duplex lists. */
export function channelNamesAreUnique(form: ParsedServiceForm): ErrorDetail[] {
  const names = formChannels(form).map((channel) => ({ key: channel.name, path: `${channel.path}.name` }));
  return laterDuplicates(names).map(({ key, path }) => ({
    path,
    message: `channel name "${key}" is already used by another channel: rename it`,
  }));
}

/** The three channel lists together fit in the spec's `channels`. */
export function channelCountFitsSpec(form: ParsedServiceForm): ErrorDetail[] {
  const count = formChannels(form).length;
  if (count <= MAX_CHANNELS) return [];
  return [{ path: 'serverChannels', message: `${count} channels in all, at most ${MAX_CHANNELS}: remove some` }];
}

/** Server and duplex channels have a port (1-65535 is checked by the form schema), and no two share it. */
export function listeningChannelsHaveUniquePorts(form: ParsedServiceForm): ErrorDetail[] {
  const listening = formChannels(form).filter((channel) => channel.kind !== 'client');
  const missing = listening
    .filter((channel) => channel.port === undefined)
    .map((channel) => ({
      path: `${channel.path}.port`,
      message: `${channel.kind} channel "${channel.name}" needs a port (1-65535)`,
    }));
  const ports = listening.flatMap((channel) =>
    channel.port === undefined ? [] : [{ key: String(channel.port), path: `${channel.path}.port` }],
  );
  const taken = laterDuplicates(ports).map(({ key, path }) => ({
    path,
    message: `port ${key} is already used by another channel: choose another port`,
  }));
  return [...missing, ...taken];
}

/**
 * Every link joins two different channels of the form: its origin a client or duplex channel, its target a
 * server or duplex channel, speaking compatible protocols.
 */
export function linksJoinCompatibleChannels(form: ParsedServiceForm): ErrorDetail[] {
  const byName = new Map(formChannels(form).map((channel) => [channel.name, channel]));
  return form.links.flatMap((link, index) => linkProblems(link, `links.${index}`, byName));
}

/** `minReplicas` is at most `maxReplicas` (both >= 0 is checked by the form schema). */
export function replicaRangeIsOrdered(form: ParsedServiceForm): ErrorDetail[] {
  if (form.minReplicas <= form.maxReplicas) return [];
  return [{ path: 'maxReplicas', message: `must be at least minReplicas (${form.minReplicas})` }];
}

/** The environment and the account exist in the tenant, and the environment belongs to that account. */
export function environmentBelongsToAccount(form: ParsedServiceForm, { tenant }: DeploymentContext): ErrorDetail[] {
  const environment = findEnvironment(form, tenant);
  const account = tenant.accounts.find((candidate) => candidate.id === form.account);
  const details: ErrorDetail[] = [];
  if (!environment)
    details.push({ path: 'environment', message: `no environment "${form.environment}" in tenant ${tenant.name}` });
  if (!account) details.push({ path: 'account', message: `no account "${form.account}" in tenant ${tenant.name}` });
  if (environment && account && environment.account !== account.id) {
    details.push({
      path: 'environment',
      message: `environment ${environment.name} belongs to account "${environment.account}", not "${account.id}": choose an environment of ${account.name}`,
    });
  }
  return details;
}

/** Every referenced resource exists in the tenant. */
export function resourcesExist(form: ParsedServiceForm, { tenant }: DeploymentContext): ErrorDetail[] {
  const known = new Set(tenant.resources.map((resource) => resource.id));
  return form.resources.flatMap((id, index) =>
    known.has(id) ? [] : [{ path: `resources.${index}`, message: `no resource "${id}" in tenant ${tenant.name}` }],
  );
}

/**
 * What the roles request at `maxReplicas` (sum of cpu × maxReplicas, same for memory) fits what remains of the
 * environment's limit. With `excludeServiceId`, that service's current usage is given back first when it runs
 * in the same environment (an update replaces it). An unknown environment is reported by another rule.
 */
export function requestFitsEnvironment(form: ParsedServiceForm, context: DeploymentContext): ErrorDetail[] {
  const environment = findEnvironment(form, context.tenant);
  if (!environment) return [];
  const replaced = context.tenant.services.find(
    (service) => service.id === context.excludeServiceId && service.environment === environment.id,
  );
  return METERED.flatMap(({ metric, unit }) => {
    const needed = form.roles.reduce((sum, role) => sum + role[metric] * form.maxReplicas, 0);
    const used = Math.max(0, environment.usage.current[metric] - (replaced?.usage.current[metric] ?? 0));
    const remaining = Math.max(0, environment.usage.limit[metric].max - used);
    if (needed <= remaining + EPSILON) return [];
    return [{ path: 'roles', message: overLimit(needed, remaining, unit, environment) }];
  });
}

// ---------------------------------------------------------------------------------------------------------------

/** The usage metrics a role requests per instance, with the unit they are counted in. */
const METERED = [
  { metric: 'cpu', unit: 'vCPU' },
  { metric: 'memory', unit: 'MB' },
] as const;

/** Tolerance for sums of fractional vCPU (0.1 × 3 must fit 0.3). */
const EPSILON = 1e-9;

/** The entries whose key an earlier entry already has, in order. */
function laterDuplicates<T extends { key: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const repeated = seen.has(entry.key);
    seen.add(entry.key);
    return repeated;
  });
}

type FormLink = ParsedServiceForm['links'][number];

/** What is wrong with one link: its ends first; only a link whose ends are right is checked as a pair. */
function linkProblems(link: FormLink, at: string, byName: ReadonlyMap<string, FormChannel>): ErrorDetail[] {
  const origin = byName.get(link.origin);
  const target = byName.get(link.target);
  const ends = [
    ...linkEndProblems(link.origin, origin, `${at}.origin`, {
      wrongKind: 'server',
      hint: 'start at a client or duplex channel',
    }),
    ...linkEndProblems(link.target, target, `${at}.target`, {
      wrongKind: 'client',
      hint: 'end at a server or duplex channel',
    }),
  ];
  if (ends.length > 0 || !origin || !target) return ends;
  if (origin === target)
    return [{ path: `${at}.target`, message: 'is the origin itself: join two different channels' }];
  if (!protocolsAreCompatible(origin.protocol, target.protocol)) {
    return [{ path: `${at}.target`, message: protocolMismatch(origin, target) }];
  }
  return [];
}

/** A link end names a channel of the form of a kind that may sit at that end. */
function linkEndProblems(
  name: string,
  channel: FormChannel | undefined,
  path: string,
  { wrongKind, hint }: { wrongKind: FormChannel['kind']; hint: string },
): ErrorDetail[] {
  if (!channel) return [{ path, message: `no channel "${name}" in this service` }];
  if (channel.kind === wrongKind) return [{ path, message: `"${name}" is a ${wrongKind} channel: ${hint}` }];
  return [];
}

/** tcp only joins tcp; http and https join each other. */
function protocolsAreCompatible(origin: ChannelProtocol, target: ChannelProtocol): boolean {
  return (origin === 'tcp') === (target === 'tcp');
}

function protocolMismatch(origin: FormChannel, target: FormChannel): string {
  return `"${target.name}" speaks ${target.protocol} but "${origin.name}" speaks ${origin.protocol}: tcp only joins tcp, http and https join each other`;
}

function findEnvironment(form: ParsedServiceForm, tenant: Tenant): Environment | undefined {
  return tenant.environments.find((candidate) => candidate.id === form.environment);
}

function overLimit(needed: number, remaining: number, unit: string, environment: Environment): string {
  return `needs ${round(needed)} ${unit}, ${round(remaining)} ${unit} remain in environment ${environment.name}: lower the roles' ${unit === 'MB' ? 'memory' : 'cpu'} or maxReplicas`;
}

/** At most 3 decimals, so float sums read as people wrote them. */
const round = (value: number): number => Math.round(value * 1000) / 1000;
