import type * as z from 'zod';

/**
 * `schema` itself, typed by its model's named interface (the same type as input and output), for nesting it in
 * another model: a tenant's `services` then read `Service[]` in tooltips, errors and `.d.ts`, where the inferred
 * type would spell out the whole service shape again. The compiler checks that `schema` produces exactly `T`.
 *
 * @example z.array(named<Service>(ServiceSchema))
 */
export function named<T>(schema: z.ZodType<T, T>): z.ZodType<T, T> {
  return schema;
}
