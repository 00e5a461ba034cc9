import { checkServiceForm, checkUpdateServiceForm, type FormCheck } from './deploy-service/check-form';
import type { DeploymentRequest, UpdateRequest } from './deploy-service/check-form';
import type { DeploymentContext } from './deploy-service/rules';

// Turns what the WUI "deploy service" / "update service" forms produce into the body of `deployService` /
// `updateService`, after checking it against the tenant as the handler holds it. Pure: no I/O, no HTTP.

export {
  checkServiceForm,
  checkUpdateServiceForm,
  type DeploymentRequest,
  type FormCheck,
  type TenantLookup,
  type TenantSource,
  type UpdateRequest,
} from './deploy-service/check-form';
export {
  ServiceFormSchema,
  UpdateServiceFormSchema,
  type ServiceForm,
  type UpdateServiceForm,
} from './deploy-service/form-schema';
export type { DeploymentContext } from './deploy-service/rules';

function requestOf<T>(checked: FormCheck<T>): T {
  if (!checked.ok) throw checked.error;
  return checked.request;
}

/**
 * Like `checkServiceForm` (what the handler uses), throwing: the `deployService` request of a form that passes the form schema
 * and every deployment rule.
 *
 * @param form What the WUI form produced; anything, since it crosses the bridge untyped.
 * @param context The tenant the service is deployed into, as held in the handler's state.
 * @throws BackendError with code `VALIDATION` listing every problem, schema and rules, in `details` (one per
 *   field path).
 */
export function buildDeploymentRequest(form: unknown, context: DeploymentContext): DeploymentRequest {
  return requestOf(checkServiceForm(form, context.tenant, undefined, context.excludeServiceId));
}

/**
 * Like `checkUpdateServiceForm`, throwing: the `updateService` request of an update form.
 *
 * @throws BackendError with code `VALIDATION` listing every problem in `details`.
 */
export function buildUpdateRequest(form: unknown, context: Pick<DeploymentContext, 'tenant'>): UpdateRequest {
  return requestOf(checkUpdateServiceForm(form, context.tenant));
}
