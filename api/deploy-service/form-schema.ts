import * as z from 'zod';
import { IdSchema } from '../../interfaces/common';
import type { ChannelProtocol } from '../../interfaces/channel-interface';
import { ChannelSpecSchema, ServiceSpecSchema, type ChannelSpec } from '../contract/service-spec';

const spec = ServiceSpecSchema.shape;

/** A listening channel as the form edits it; the port is optional here so a missing one gets its own message. */
const ListeningChannelSchema = ChannelSpecSchema.omit({ kind: true });

/** A client channel as the form edits it: it connects out, so it has no port. */
const ClientChannelSchema = ChannelSpecSchema.pick({ name: true, protocol: true });

/** How many channels a spec may hold (the bound of `ServiceSpecSchema.shape.channels`). */
export const MAX_CHANNELS = 100;

/** Each channel list is bounded like the spec's `channels`; their total is checked by a rule. */
const channelList = <T extends z.ZodType>(channel: T) => z.array(channel).max(MAX_CHANNELS);

/**
 * What the WUI "deploy service" form produces. Every field reuses the schema of the same field in
 * {@link ServiceSpecSchema}; the channels come in three lists, one per kind, instead of the spec's `channels`.
 */
export const ServiceFormSchema = z.strictObject({
  tenantId: IdSchema,
  name: spec.name,
  environment: spec.environment,
  account: spec.account,
  description: spec.description,
  logo: spec.logo,
  project: spec.project,
  registry: spec.registry,
  imageName: spec.imageName,
  entrypoint: spec.entrypoint,
  cmd: spec.cmd,
  minReplicas: spec.minReplicas,
  maxReplicas: spec.maxReplicas,
  roles: spec.roles,
  serverChannels: channelList(ListeningChannelSchema),
  clientChannels: channelList(ClientChannelSchema),
  duplexChannels: channelList(ListeningChannelSchema),
  links: spec.links,
  resources: spec.resources,
});

/** The "update service" form: the deploy form plus the id of the service it deploys a new revision of. */
export const UpdateServiceFormSchema = ServiceFormSchema.extend({ serviceId: IdSchema });

/** What a WUI passes as a deploy form. */
export interface ServiceForm extends z.input<typeof ServiceFormSchema> {}

/** What a WUI passes as an update form. */
export interface UpdateServiceForm extends z.input<typeof UpdateServiceFormSchema> {}

/** A deploy form that passed {@link ServiceFormSchema}. */
export type ParsedServiceForm = z.output<typeof ServiceFormSchema>;

/** The three channel lists of the form, with the kind each stands for. */
export const CHANNEL_LISTS = [
  { list: 'serverChannels', kind: 'server' },
  { list: 'clientChannels', kind: 'client' },
  { list: 'duplexChannels', kind: 'duplex' },
] as const satisfies readonly { list: keyof ParsedServiceForm; kind: ChannelSpec['kind'] }[];

/** One channel of the form with its kind and where it sits in the form (`serverChannels.0`). */
export interface FormChannel {
  name: string;
  kind: ChannelSpec['kind'];
  protocol: ChannelProtocol;
  port?: number;
  path: string;
}

/** Every channel of the form, server channels first, then client, then duplex, each list in its order. */
export function formChannels(form: ParsedServiceForm): FormChannel[] {
  return CHANNEL_LISTS.flatMap(({ list, kind }) =>
    form[list].map((channel, index): FormChannel => {
      const entry: FormChannel = { name: channel.name, kind, protocol: channel.protocol, path: `${list}.${index}` };
      if ('port' in channel && channel.port !== undefined) entry.port = channel.port;
      return entry;
    }),
  );
}
