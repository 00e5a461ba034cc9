import * as z from 'zod';
import {
  DescriptionSchema,
  EntityTimestampsSchema,
  IdSchema,
  NameSchema,
  SecretSchema,
  TimestampSchema,
} from './common';

/** API token metadata as listed by the backend: never carries the secret (the seed's `desciprion` is `description`). */
export const TokenSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  tenant: IdSchema,
  description: DescriptionSchema,
  lastUsed: TimestampSchema.nullable().optional(),
  expiration: TimestampSchema,
  ...EntityTimestampsSchema.shape,
});

/** API token metadata (no secret). */
export interface Token extends z.output<typeof TokenSchema> {}

/** Token as returned once by createToken: the metadata plus the secret `token` value. */
export const CreatedTokenSchema = TokenSchema.extend({
  token: SecretSchema,
});

/** Token as returned once by createToken, with its secret. */
export interface CreatedToken extends z.output<typeof CreatedTokenSchema> {}
