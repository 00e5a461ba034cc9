import * as z from 'zod';
import { NameSchema, PortSchema, ShortTextSchema } from './common';

/** Protocols a channel can speak. */
export const CHANNEL_PROTOCOLS = ['http', 'https', 'tcp'] as const;

/** Protocol a channel speaks. */
export const ChannelProtocolSchema = z.enum(CHANNEL_PROTOCOLS);

/** Protocol a channel speaks. */
export type ChannelProtocol = z.infer<typeof ChannelProtocolSchema>;

/** Server, client or duplex channel of a service (the seed's duplicate `portNum` is dropped: use `port`). */
export const ChannelSchema = z.object({
  name: NameSchema,
  from: ShortTextSchema,
  to: ShortTextSchema,
  protocol: ChannelProtocolSchema.optional(),
  port: PortSchema.optional(),
});

/** Server, client or duplex channel of a service. */
export interface Channel extends z.output<typeof ChannelSchema> {}
