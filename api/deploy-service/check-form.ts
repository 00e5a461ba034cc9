import type { z } from 'zod';
import type { BackendError, ErrorDetail } from '../../errors/backend-error';
import { notLoadedDetail, serviceFormRejected, type ServiceFormKind } from '../../errors/messages';
import { parseWithMessages } from '../../errors/parse-input';
import type { Tenant } from '../../interfaces/tenant-interface';
import type { ServiceSpec } from '../contract/service-spec';
import { ServiceFormSchema, UpdateServiceFormSchema, type ParsedServiceForm } from './form-schema';
import { checkDeploymentRules } from './rules';
import { toServiceSpec } from './to-service-spec';

/** What `deployService` is called with: the tenant in the path and the spec as body. */
export interface DeploymentRequest {
  tenantId: string;
  spec: ServiceSpec;
}

/** What `updateService` is called with: the tenant and service in the path and the spec as body. */
export interface UpdateRequest {
  tenantId: string;
  serviceId: string;
  spec: ServiceSpec;
}

/** Looks a tenant up in the handler's state by id. */
export type TenantLookup = (tenantId: string) => Tenant | undefined;

/** The tenant a form is checked against: the tenant itself, a lookup by the form's `tenantId`, or none loaded. */
export type TenantSource = Tenant | TenantLookup | undefined;

/** A checked form: the request to send, or the one `VALIDATION` error listing every problem. */
export type FormCheck<T> = { ok: true; request: T } | { ok: false; error: BackendError };

/**
 * Checks a deploy form in one pass: the form schema and every deployment rule (unique role and channel
 * names, ports, links, replicas, environment/account, resources, cpu and memory left in the environment).
 * A field that breaks the schema only holds back the rules that read it, so a form with a bad port, an
 * unknown resource and a duplicate role name gets all three problems at once. The input is parsed once.
 *
 * @param input What the WUI form produced; anything, since it crosses the bridge untyped.
 * @param tenant The tenant the service is deployed into, as held in the handler's state, or a lookup of it.
 * @param requestId The request the error belongs to.
 * @param excludeServiceId A service whose current cpu and memory are given back to its environment first.
 */
export function checkServiceForm(
  input: unknown,
  tenant: TenantSource,
  requestId?: string,
  excludeServiceId?: string,
): FormCheck<DeploymentRequest> {
  const checked = checkForm(ServiceFormSchema, input, tenant, 'deploy', requestId, () => [], excludeServiceId);
  if (!checked.ok) return checked;
  // Without a single problem, every field parsed: the form is whole.
  const form = checked.form as ParsedServiceForm;
  return { ok: true, request: { tenantId: form.tenantId, spec: toServiceSpec(form) } };
}

/**
 * Like {@link checkServiceForm} for an update form (the deploy form plus `serviceId`): the service must exist
 * in the tenant, and its current cpu and memory are given back to its environment before the new revision
 * is measured against the limit, since the new revision replaces it.
 */
export function checkUpdateServiceForm(
  input: unknown,
  tenant: TenantSource,
  requestId?: string,
): FormCheck<UpdateRequest> {
  const checked = checkForm(
    UpdateServiceFormSchema,
    input,
    tenant,
    'update',
    requestId,
    (form, known) =>
      typeof form.serviceId === 'string' && !known.services.some((service) => service.id === form.serviceId)
        ? [{ path: 'serviceId', message: `no service "${form.serviceId}" in tenant ${known.name}` }]
        : [],
    serviceIdOf(input),
  );
  if (!checked.ok) return checked;
  const { serviceId, ...form } = checked.form as ParsedServiceForm & { serviceId: string };
  return { ok: true, request: { tenantId: form.tenantId, serviceId, spec: toServiceSpec(form) } };
}

// ---------------------------------------------------------------------------------------------------------------

type FormSchema = typeof ServiceFormSchema | typeof UpdateServiceFormSchema;
/** A deploy or update form as far as it parsed: `serviceId` only on update forms. */
type PartialForm = Partial<z.output<typeof UpdateServiceFormSchema>>;
type Checked = { ok: true; form: PartialForm } | { ok: false; error: BackendError };

function checkForm(
  schema: FormSchema,
  input: unknown,
  source: TenantSource,
  kind: ServiceFormKind,
  requestId: string | undefined,
  extraRule: (form: PartialForm, tenant: Tenant) => ErrorDetail[],
  excludeServiceId: string | undefined,
): Checked {
  const parsed = parseWithMessages(schema, input);
  const { form, valid } = parsed.ok
    ? { form: parsed.data as PartialForm, valid: undefined }
    : validFields(schema, input);
  const { tenantId } = form;
  const tenant = typeof source === 'function' ? (tenantId === undefined ? undefined : source(tenantId)) : source;
  const details = parsed.ok ? [] : [...parsed.details];
  if (tenant === undefined) {
    if (tenantId !== undefined) details.push({ path: 'tenantId', message: notLoadedDetail });
  } else {
    const context = excludeServiceId === undefined ? { tenant } : { tenant, excludeServiceId };
    details.push(...extraRule(form, tenant), ...checkDeploymentRules(form as ParsedServiceForm, context, valid));
  }
  if (details.length > 0) return { ok: false, error: serviceFormRejected(kind, details, requestId) };
  return { ok: true, form };
}

/** The service an update form replaces, whose usage is given back to its environment before the check. */
function serviceIdOf(input: unknown): string | undefined {
  const serviceId: unknown = typeof input === 'object' && input !== null ? Reflect.get(input, 'serviceId') : undefined;
  return typeof serviceId === 'string' ? serviceId : undefined;
}

/** The fields of a form that pass their own schema, for the rules that can still run on a form with problems. */
function validFields(schema: FormSchema, input: unknown): { form: PartialForm; valid: ReadonlySet<string> } {
  const form: Record<string, unknown> = {};
  const valid = new Set<string>();
  if (typeof input !== 'object' || input === null) return { form, valid };
  for (const [key, field] of Object.entries(schema.shape)) {
    const result = (field as z.ZodType).safeParse((input as Record<string, unknown>)[key]);
    if (!result.success) continue;
    form[key] = result.data;
    valid.add(key);
  }
  return { form, valid };
}
