import * as z from 'zod';
import { ERROR_CODES } from '../../errors/backend-error';
import { ERROR_REASONS } from '../../errors/reasons';

/** The one body shape of every error response of the Aurora API. */
export const ErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string().max(2000),
  details: z
    .array(z.object({ path: z.string().max(500), message: z.string().max(1000) }))
    .max(200)
    .optional(),
  requestId: z.string().max(128).optional(),
  // A reason this client does not know yet is dropped, not a broken body: the code's advice applies then.
  reason: z
    .enum(ERROR_REASONS)
    .optional()
    .catch(undefined)
    .describe('Machine-readable cause, so that clients can advise on it (a wrong password, a taken name).'),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
