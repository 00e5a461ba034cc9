import type { z } from 'zod';
import { BackendError, type ErrorDetail } from '../errors/backend-error';
import { summarizeDetails, zodIssuesToDetails } from '../errors/from-zod';
import { ADVICE } from '../errors/http-status';
import type { ChannelSpec, ServiceSpec } from './contract/service-spec';
import {
  ServiceFormSchema,
  UpdateServiceFormSchema,
  formChannels,
  type ParsedServiceForm,
} from './deploy-service/form-schema';
import { checkDeploymentRules, type DeploymentContext } from './deploy-service/rules';

// Turns what the WUI "deploy service" / "update service" forms produce into the body of `deployService` /
// `updateService`, after checking it against the tenant as the handler holds it. Pure: no I/O, no HTTP.

export {
  ServiceFormSchema,
  UpdateServiceFormSchema,
  type ServiceForm,
  type UpdateServiceForm,
} from './deploy-service/form-schema';
export type { DeploymentContext } from './deploy-service/rules';

/** What `deployService` is called with: the tenant in the path and the spec as body. */
export type DeploymentRequest = { tenantId: string; spec: ServiceSpec };

/** What `updateService` is called with: the tenant and service in the path and the spec as body. */
export type UpdateRequest = { tenantId: string; serviceId: string; spec: ServiceSpec };

/**
 * Checks a deploy form against {@link ServiceFormSchema} and every deployment rule (unique role and channel
 * names, ports, links, replicas, environment/account, resources, cpu and memory left in the environment) and
 * builds the `deployService` request.
 *
 * @param form What the WUI form produced; anything, since it crosses the bridge untyped.
 * @param context The tenant the service is deployed into, as held in the handler's state.
 * @throws BackendError with code `VALIDATION` listing every problem in `details` (one per field path), when
 *   the form is malformed or breaks any rule.
 */
export function buildDeploymentRequest(form: unknown, context: DeploymentContext): DeploymentRequest {
  const parsed = parseForm(ServiceFormSchema, form, 'deploy');
  throwIfAny(checkDeploymentRules(parsed, context), 'deploy');
  return { tenantId: parsed.tenantId, spec: toServiceSpec(parsed) };
}

/**
 * Like {@link buildDeploymentRequest} for an update form (the deploy form plus `serviceId`): the service must
 * exist in the tenant, and its current cpu and memory are given back to its environment before the new
 * revision is measured against the limit, since the new revision replaces it.
 *
 * @throws BackendError with code `VALIDATION` listing every problem in `details`.
 */
export function buildUpdateRequest(form: unknown, context: Pick<DeploymentContext, 'tenant'>): UpdateRequest {
  const { serviceId, ...parsed } = parseForm(UpdateServiceFormSchema, form, 'update');
  const details = [
    ...serviceExists(serviceId, context),
    ...checkDeploymentRules(parsed, { tenant: context.tenant, excludeServiceId: serviceId }),
  ];
  throwIfAny(details, 'update');
  return { tenantId: parsed.tenantId, serviceId, spec: toServiceSpec(parsed) };
}

// ---------------------------------------------------------------------------------------------------------------

type FormKind = 'deploy' | 'update';

/** The form as its schema outputs it, or a `VALIDATION` error with one detail per shape problem. */
function parseForm<S extends z.ZodType>(schema: S, form: unknown, kind: FormKind): z.output<S> {
  const result = schema.safeParse(form);
  if (result.success) return result.data;
  throw validationError(zodIssuesToDetails(result.error), kind);
}

/** The update targets a service of the tenant. */
function serviceExists(serviceId: string, { tenant }: Pick<DeploymentContext, 'tenant'>): ErrorDetail[] {
  if (tenant.services.some((service) => service.id === serviceId)) return [];
  return [{ path: 'serviceId', message: `no service "${serviceId}" in tenant ${tenant.name}` }];
}

function throwIfAny(details: readonly ErrorDetail[], kind: FormKind): void {
  if (details.length > 0) throw validationError(details, kind);
}

function validationError(details: readonly ErrorDetail[], kind: FormKind): BackendError {
  const problems = details.length === 1 ? '1 problem' : `${details.length} problems`;
  return new BackendError({
    code: 'VALIDATION',
    message: `The service was not ${kind === 'deploy' ? 'deployed' : 'updated'}: the form has ${problems} (${summarizeDetails(details)}). ${ADVICE.VALIDATION}`,
    details,
  });
}

/** Optional text fields of the spec; a blank one in the form (an empty input) is left out of the spec. */
const OPTIONAL_TEXT_FIELDS = ['description', 'logo', 'project', 'entrypoint', 'cmd'] as const;

/** The `ServiceSpec` body of a checked form: the three channel lists become `channels`, each with its kind. */
function toServiceSpec(form: ParsedServiceForm): ServiceSpec {
  const spec: ServiceSpec = {
    name: form.name,
    environment: form.environment,
    account: form.account,
    registry: form.registry,
    imageName: form.imageName,
    minReplicas: form.minReplicas,
    maxReplicas: form.maxReplicas,
    roles: form.roles.map((role) => ({ ...role })),
    channels: toChannelSpecs(form),
    links: form.links.map((link) => ({ ...link })),
    resources: [...form.resources],
  };
  for (const field of OPTIONAL_TEXT_FIELDS) {
    const value = form[field];
    if (value !== undefined && value.trim() !== '') spec[field] = value;
  }
  return spec;
}

/** Server channels first, then client, then duplex; a port only where the form has one. */
function toChannelSpecs(form: ParsedServiceForm): ChannelSpec[] {
  return formChannels(form).map(({ name, kind, protocol, port }) =>
    port === undefined ? { name, kind, protocol } : { name, kind, protocol, port },
  );
}
