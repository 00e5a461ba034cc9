import { checkServiceForm, checkUpdateServiceForm, type FormCheck } from '../api/deploy-service/check-form';
import type { DeploymentRequest, UpdateRequest } from '../api/deploy-service/check-form';
import { findTenant } from '../state/tree';
import type { ParseContext } from './define-request';

// A `parse` throws the one VALIDATION error listing every problem of the form, schema and rules alike.
function requestOf<T>(check: FormCheck<T>): T {
  if (!check.ok) throw check.error;
  return check.request;
}

/** The `parse` of `deployService`: the form checked in one pass against its schema and every rule. */
export function checkDeployForm(input: unknown, { state, requestId }: ParseContext): DeploymentRequest {
  return requestOf(checkServiceForm(input, (tenantId) => findTenant(state, tenantId), requestId));
}

/** The `parse` of `updateService`. */
export function checkUpdateForm(input: unknown, { state, requestId }: ParseContext): UpdateRequest {
  return requestOf(checkUpdateServiceForm(input, (tenantId) => findTenant(state, tenantId), requestId));
}
