import type { z } from 'zod';

/** An operation: the schema its request payload must satisfy and the schema of its success payload. */
export type OperationSpec = { summary: string; input: z.ZodType; output: z.ZodType; longRunning?: true };

/** Declares a group of operations, keeping their literal types for the event map. */
export function defineOperations<const T extends Record<string, OperationSpec>>(specs: T): T {
  return specs;
}
