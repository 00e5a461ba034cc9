import * as z from 'zod';
import { ERROR_CODES } from '../errors/backend-error';
import { EntityTimestampsSchema, IdSchema } from './common';

/** Kinds of long-running operation the API runs in the background. */
export const OPERATION_KINDS = [
  'deployService',
  'updateService',
  'scaleService',
  'restartService',
  'restartInstance',
  'rollbackService',
  'deleteService',
  'deployMarketplaceItem',
] as const;

/** Lifecycle of a long-running operation; `succeeded` and `failed` are final. */
export const OPERATION_STATUSES = ['pending', 'running', 'succeeded', 'failed'] as const;

/** A long-running operation: `202 Accepted` answers carry one, and `GET /operations/{id}` follows it. */
export const OperationSchema = z.object({
  id: IdSchema,
  kind: z.enum(OPERATION_KINDS),
  /** What the operation acts on. */
  target: z.object({ type: z.enum(['service', 'instance']), id: IdSchema, tenant: IdSchema }),
  status: z.enum(OPERATION_STATUSES),
  /** 0 to 100. */
  progress: z.number().min(0).max(100),
  /** Set when `status` is `failed`. */
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string().max(2000) }).optional(),
  ...EntityTimestampsSchema.shape,
});

/** A long-running operation the API runs in the background. */
export interface Operation extends z.output<typeof OperationSchema> {}
export type OperationKind = (typeof OPERATION_KINDS)[number];
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
