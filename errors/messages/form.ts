import { BackendError, type ErrorDetail } from '../backend-error';
import { summarizeDetails } from '../from-zod';
import { ADVICE } from './advice';

/** Which WUI form was checked: the service deploy form or its update form. */
export type ServiceFormKind = 'deploy' | 'update';

/** `VALIDATION`: the deploy or update form has problems, schema and rules alike, each in `details`. */
export function serviceFormRejected(
  kind: ServiceFormKind,
  details: readonly ErrorDetail[],
  requestId?: string,
): BackendError {
  const problems = details.length === 1 ? '1 problem' : `${details.length} problems`;
  return new BackendError({
    code: 'VALIDATION',
    message: `The service was not ${kind === 'deploy' ? 'deployed' : 'updated'}: the form has ${problems} (${summarizeDetails(details)}). ${ADVICE.VALIDATION}`,
    details,
    requestId,
  });
}
