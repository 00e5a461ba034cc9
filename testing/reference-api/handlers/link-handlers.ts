import type { ErrorDetail } from '../../../errors/backend-error';
import { tenantAccess } from '../access';
import { ApiError, conflict, notFound } from '../errors';
import type { ChannelRef, LinkRecord } from '../records';
import type { Store } from '../store';
import { linkView } from '../view-service';
import type { Handlers } from './types';

/** Problems with one end of a link: its service must be in the tenant and have a channel of a fitting kind. */
function endProblems(store: Store, tenantId: string, end: 'origin' | 'target', ref: ChannelRef): ErrorDetail[] {
  const service = store.services.get(ref.service);
  if (service?.tenant !== tenantId) {
    return [{ path: `${end}.service`, message: `no service ${ref.service} in this tenant` }];
  }
  const kinds = end === 'origin' ? ['client', 'duplex'] : ['server', 'duplex'];
  const channel = service.spec.channels.find((item) => item.name === ref.channel);
  if (channel === undefined || !kinds.includes(channel.kind)) {
    return [
      {
        path: `${end}.channel`,
        message: `service ${service.spec.name} has no ${kinds.join(' or ')} channel named ${ref.channel}`,
      },
    ];
  }
  return [];
}

/** A service lists its links: both ends change when a link is added or removed. */
function touchLinked(store: Store, link: LinkRecord): void {
  const now = store.timestamp();
  for (const end of [link.origin, link.target]) {
    const service = store.services.get(end.service);
    if (service !== undefined) service.updatedAt = now;
  }
}

/** Links between service channels: members and up. */
export const linkHandlers = {
  linkServices: ({ store, user }, { params, body }) => {
    const { tenant } = tenantAccess(store, user, params.tenantId, 'member', 'link services');
    const details = [
      ...endProblems(store, tenant.id, 'origin', body.origin),
      ...endProblems(store, tenant.id, 'target', body.target),
    ];
    if (body.origin.service === body.target.service) {
      details.push({ path: 'target.service', message: 'a service cannot be linked to itself' });
    }
    if (details.length > 0) throw new ApiError('VALIDATION', 'The link is invalid', details);
    const links = store.linksOf(tenant.id);
    if (links.some((link) => link.name === body.name))
      throw conflict(`The tenant already has a link named ${body.name}`, 'name_taken');
    const taken = links.find(
      (link) => link.origin.service === body.origin.service && link.origin.channel === body.origin.channel,
    );
    if (taken !== undefined)
      throw conflict(`Channel ${body.origin.channel} is already linked by link ${taken.name}`, 'in_use');
    const link: LinkRecord = {
      tenant: tenant.id,
      name: body.name,
      origin: { ...body.origin },
      target: { ...body.target },
      createdAt: store.timestamp(),
    };
    store.links.push(link);
    touchLinked(store, link);
    return linkView(link);
  },

  unlinkServices: ({ store, user }, { params }) => {
    const { tenant } = tenantAccess(store, user, params.tenantId, 'member', 'unlink services');
    if (!store.linksOf(tenant.id).some((link) => link.name === params.linkName)) {
      throw notFound(`Link ${params.linkName}`);
    }
    for (const link of store.linksOf(tenant.id)) if (link.name === params.linkName) touchLinked(store, link);
    store.removeLinks((link) => link.tenant === tenant.id && link.name === params.linkName);
    return undefined;
  },
} satisfies Handlers<'linkServices' | 'unlinkServices'>;
