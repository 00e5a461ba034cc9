import { buildDeploymentRequest, buildUpdateRequest } from '../api/deploy-service-helper';
import type { DeploymentRequest, UpdateRequest } from '../api/deploy-service-helper';
import { BackendError } from '../errors/backend-error';
import type { Tenant } from '../interfaces/tenant-interface';
import { findTenant } from '../state/tree';
import type { ParseContext } from './define-request';

// Deploy forms are checked against the tenant as the handler holds it (usage, resources, services).
function loadedTenant(input: unknown, { state, requestId }: ParseContext): Tenant {
  const tenantId = (input as { tenantId?: unknown } | null)?.tenantId;
  const tenant = typeof tenantId === 'string' ? findTenant(state, tenantId) : undefined;
  if (tenant !== undefined) return tenant;
  throw new BackendError({
    code: 'VALIDATION',
    message: `Tenant "${String(tenantId)}" is not in the loaded state, so the deployment cannot be checked. Emit loadUser first, or pick a tenant of the signed-in user.`,
    details: [{ path: 'tenantId', message: 'unknown tenant' }],
    requestId,
  });
}

/** The `parse` of `deployService`: the form checked, in one pass, against its schema and every rule. */
export function checkDeployForm(input: unknown, context: ParseContext): DeploymentRequest {
  return buildDeploymentRequest(input, { tenant: loadedTenant(input, context) });
}

/** The `parse` of `updateService`. */
export function checkUpdateForm(input: unknown, context: ParseContext): UpdateRequest {
  return buildUpdateRequest(input, { tenant: loadedTenant(input, context) });
}
