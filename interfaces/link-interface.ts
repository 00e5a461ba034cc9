import * as z from 'zod';
import { IdSchema, NameSchema } from './common';

/** Link between two services (or a service and a marketplace item), from `origin` to `target`. */
export const LinkSchema = z.object({
  name: NameSchema,
  origin: IdSchema,
  target: IdSchema,
});

/** Link between two services, from `origin` to `target`. */
export interface Link extends z.output<typeof LinkSchema> {}
