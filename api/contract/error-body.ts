import * as z from 'zod';
import { ERROR_CODES } from '../../errors/backend-error';

/** The one body shape of every error response of the Aurora API. */
export const ErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string().max(2000),
  details: z
    .array(z.object({ path: z.string().max(500), message: z.string().max(1000) }))
    .max(200)
    .optional(),
  requestId: z.string().max(128).optional(),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
