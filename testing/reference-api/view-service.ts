import type { ChannelSpec } from '../../api/contract/service-spec';
import type { Revision } from '../../api/contract/service-routes';
import type { Channel, Link, Service, ServiceRole } from '../../interfaces';
import type { LinkRecord, RevisionRecord, ServiceRecord } from './records';
import type { Store } from './store';
import { serviceUsage } from './usage';
import { resourceView } from './view-infra';
import { instanceView } from './view-instance';

export function linkView(link: LinkRecord): Link {
  return { name: link.name, origin: link.origin.service, target: link.target.service };
}

function tagOf(imageName: string): string | undefined {
  const tag = /:([^:/@]+)$/.exec(imageName)?.[1];
  return tag === undefined ? undefined : tag.slice(0, 64);
}

function channelView(store: Store, service: ServiceRecord, channel: ChannelSpec): Channel {
  const names = (ids: string[]) =>
    [...new Set(ids.map((id) => store.services.get(id)?.spec.name ?? id))].join(',').slice(0, 256);
  const links = store.linksOf(service.tenant);
  const callers = links.filter((link) => link.target.service === service.id && link.target.channel === channel.name);
  const callees = links.filter((link) => link.origin.service === service.id && link.origin.channel === channel.name);
  const self = service.spec.name;
  const from = channel.kind === 'server' ? names(callers.map((link) => link.origin.service)) : self;
  const to =
    channel.kind === 'server'
      ? self
      : names([...callees.map((link) => link.target.service), ...callers.map((link) => link.origin.service)]);
  return {
    name: channel.name,
    from,
    to,
    protocol: channel.protocol,
    ...(channel.port === undefined ? {} : { port: channel.port }),
  };
}

/** The service as the API shows it: roles with their instances, channels, links, resources and usage. */
export function serviceView(store: Store, service: ServiceRecord): Service {
  const { spec } = service;
  const account = store.accounts.get(spec.account);
  const roles: ServiceRole[] = spec.roles.map((role) => ({
    name: role.name,
    instances: service.instances
      .filter((instance) => instance.role === role.name)
      .map((instance) => instanceView(service, instance, store.liveMetricsAt())),
    ...(tagOf(spec.imageName) === undefined ? {} : { version: tagOf(spec.imageName) }),
  }));
  const channels = (kind: ChannelSpec['kind']) =>
    spec.channels.filter((channel) => channel.kind === kind).map((channel) => channelView(store, service, channel));
  return {
    id: service.id,
    tenant: service.tenant,
    account: spec.account,
    environment: spec.environment,
    name: spec.name,
    logo: spec.logo ?? '',
    description: spec.description ?? '',
    revisions: service.revisionIds,
    status: service.status,
    roles,
    links: store
      .linksOf(service.tenant)
      .filter((link) => link.origin.service === service.id || link.target.service === service.id)
      .map(linkView),
    resources: spec.resources.flatMap((id) => {
      const resource = store.resources.get(id);
      return resource === undefined ? [] : [resourceView(resource)];
    }),
    usage: serviceUsage(store, service),
    minReplicas: spec.minReplicas,
    maxReplicas: spec.maxReplicas,
    project: spec.project ?? '',
    registry: spec.registry,
    imageName: spec.imageName,
    entrypoint: spec.entrypoint ?? '',
    cmd: spec.cmd ?? '',
    serverChannels: channels('server'),
    clientChannels: channels('client'),
    duplexChannels: channels('duplex'),
    cloudProvider: account?.cloudProvider.name ?? '',
    ...(service.currentRevision === undefined ? {} : { currentRevision: service.currentRevision }),
    ...(service.busyWith === undefined ? {} : { operation: service.busyWith }),
    ...(service.lastDeployed === undefined ? {} : { lastDeployed: service.lastDeployed }),
    ...(service.startedAt === undefined ? {} : { startedAt: service.startedAt }),
    createdAt: service.createdAt,
    updatedAt: service.updatedAt,
  };
}

export function revisionView(service: ServiceRecord, revision: RevisionRecord): Revision {
  return {
    id: revision.id,
    service: revision.service,
    number: revision.number,
    imageName: revision.spec.imageName,
    minReplicas: revision.spec.minReplicas,
    maxReplicas: revision.spec.maxReplicas,
    current: service.currentRevision === revision.id,
    createdAt: revision.createdAt,
  };
}
