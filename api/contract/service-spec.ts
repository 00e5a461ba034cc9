import * as z from 'zod';
import {
  DescriptionSchema,
  IdSchema,
  LogoSchema,
  PortSchema,
  ReplicasSchema,
  ShortTextSchema,
  LongTextSchema,
} from '../../interfaces/common';
import { CHANNEL_PROTOCOLS } from '../../interfaces/channel-interface';

/** A DNS label: what Kubernetes accepts as a service, role or channel name. */
export const DnsLabelSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, 'must be lowercase letters, digits and "-", starting with a letter');

export const CHANNEL_KINDS = ['server', 'client', 'duplex'] as const;

/** One channel of a deployment. Server and duplex channels listen on a port. */
export const ChannelSpecSchema = z.strictObject({
  name: DnsLabelSchema,
  kind: z.enum(CHANNEL_KINDS),
  protocol: z.enum(CHANNEL_PROTOCOLS),
  port: PortSchema.optional(),
});

/** One role of a deployment with what each of its instances requests: vCPU and MB of memory. */
export const RoleSpecSchema = z.strictObject({
  name: DnsLabelSchema,
  cpu: z.number().min(0.05).max(64),
  memory: z.number().int().min(32).max(262_144),
});
export interface RoleSpec extends z.output<typeof RoleSpecSchema> {}

/** A link joining two channels of the deployment, by channel name. */
export const LinkSpecSchema = z.strictObject({ name: DnsLabelSchema, origin: DnsLabelSchema, target: DnsLabelSchema });
export interface LinkSpec extends z.output<typeof LinkSpecSchema> {}

/** The body of a deployment request (`deployService`, `updateService`): what the API is asked to run. */
export const ServiceSpecSchema = z.strictObject({
  name: DnsLabelSchema,
  environment: IdSchema,
  account: IdSchema,
  description: DescriptionSchema.optional(),
  logo: LogoSchema.optional(),
  project: ShortTextSchema.optional(),
  registry: z.string().min(1).max(253),
  imageName: z.string().min(1).max(256),
  entrypoint: LongTextSchema.optional(),
  cmd: LongTextSchema.optional(),
  minReplicas: ReplicasSchema,
  maxReplicas: ReplicasSchema,
  roles: z.array(RoleSpecSchema).min(1).max(50),
  channels: z.array(ChannelSpecSchema).max(100),
  links: z.array(LinkSpecSchema).max(100),
  /** Ids of tenant resources (secrets, volumes, ...) the service uses. */
  resources: z.array(IdSchema).max(100),
});
export interface ServiceSpec extends z.output<typeof ServiceSpecSchema> {}
export interface ChannelSpec extends z.output<typeof ChannelSpecSchema> {}
