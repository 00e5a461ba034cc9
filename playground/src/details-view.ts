import type { Backend } from './backend';
import { resolveContext, type Context } from './context';
import { badge, h } from './dom';
import type { NodeKind, SelectionStore } from './selection-store';
import { ServiceMonitor } from './service-monitor';

type Fact = [label: string, value: string | number | undefined];

const KIND_LABELS: Record<NodeKind, string> = {
  organization: 'Organization',
  token: 'API token',
  tenant: 'Tenant',
  account: 'Cloud account',
  environment: 'Environment',
  resource: 'Resource',
  marketplaceItem: 'Marketplace item',
  service: 'Service',
  role: 'Role',
  instance: 'Instance',
  container: 'Container',
};

function describe(
  kind: NodeKind,
  ctx: Context,
): { name: string; id: string; status?: string | undefined; facts: Fact[] } | undefined {
  const { tenant, service, instance } = ctx;
  const usage = (u: {
    current: { cpu: number; memory: number };
    limit: { cpu: { max: number }; memory: { max: number } };
  }): Fact[] => [
    ['CPU', `${u.current.cpu} of ${u.limit.cpu.max} vCPU`],
    ['Memory', `${u.current.memory} of ${u.limit.memory.max} MB`],
  ];
  switch (kind) {
    case 'organization': {
      const o = ctx.organization;
      return (
        o && {
          name: o.name,
          id: o.id,
          status: o.status,
          facts: [
            ['Members', o.usersIds.length],
            ['Tenants', o.tenantsIds.length],
            ['Invoices', o.invoices.length],
          ],
        }
      );
    }
    case 'token': {
      const t = ctx.token;
      return (
        t && {
          name: t.name,
          id: t.id,
          facts: [
            ['Tenant', t.tenant],
            ['Expires', t.expiration],
            ['Last used', t.lastUsed ?? 'never'],
          ],
        }
      );
    }
    case 'tenant':
      return (
        tenant && {
          name: tenant.name,
          id: tenant.id,
          status: tenant.status,
          facts: [
            ['Your role', tenant.role],
            ['Members', tenant.users],
            ['Accounts', tenant.accounts.length],
            ['Environments', tenant.environments.length],
            ['Services', tenant.services.length],
            ['Resources', tenant.resources.length],
          ],
        }
      );
    case 'account': {
      const a = ctx.account;
      return (
        a && {
          name: a.name,
          id: a.id,
          status: a.status,
          facts: [
            ['Provider', a.cloudProvider.name],
            ['Region', a.cloudProvider.region],
            ['Environments', a.environments.length],
            ...usage(a.usage),
          ],
        }
      );
    }
    case 'environment': {
      const e = ctx.environment;
      return (
        e && {
          name: e.name,
          id: e.id,
          status: e.status,
          facts: [
            ['Account', ctx.tenant?.accounts.find((a) => a.id === e.account)?.name ?? e.account],
            ['Labels', (e.labels ?? []).join(', ')],
            ['Services', e.services.length],
            ...usage(e.usage),
          ],
        }
      );
    }
    case 'resource': {
      const r = ctx.resource;
      return (
        r && {
          name: r.name,
          id: r.id,
          facts: [
            ['Type', r.type],
            ['Kind', r.kind],
            ['Value', r.type === 'secret' ? '••••' : r.value],
          ],
        }
      );
    }
    case 'marketplaceItem': {
      const m = ctx.marketplaceItem;
      return (
        m && {
          name: m.name,
          id: m.id,
          status: m.status,
          facts: [
            ['Version', m.version],
            ['Needs', `${m.requirements.cpu} vCPU · ${m.requirements.memory} MB`],
          ],
        }
      );
    }
    case 'service':
    case 'role':
    case 'container':
      return (
        service && {
          name: service.name,
          id: service.id,
          status: service.status,
          facts: [
            ['Image', `${service.registry}/${service.imageName}`],
            ['Replicas', `${service.minReplicas ?? '?'}–${service.maxReplicas ?? '?'}`],
            [
              'Environment',
              ctx.tenant?.environments.find((e) => e.id === service.environment)?.name ?? service.environment,
            ],
            ['Revisions', service.revisions.length],
            ['Roles', service.roles.map((r) => r.name).join(', ')],
          ],
        }
      );
    case 'instance':
      return (
        instance && {
          name: instance.name,
          id: instance.id,
          status: instance.status,
          facts: [
            ['Service', service?.name],
            ['Containers', instance.containers.map((c) => `${c.name} (${c.state.status})`).join(', ')],
            ...usage(instance.usage),
          ],
        }
      );
  }
}

/** The selected node: what it is, its key facts, and for a service the live usage chart. */
export function mountDetails(root: HTMLElement, backend: Backend, store: SelectionStore): void {
  const monitor = new ServiceMonitor(backend);
  const render = () => {
    const selection = store.selection;
    const ctx = resolveContext(store.user, selection);
    const info = selection === null ? undefined : describe(selection.kind, ctx);
    if (ctx.serviceSelected && ctx.tenant !== undefined && ctx.service !== undefined) {
      monitor.watch(ctx.tenant.id, ctx.service.id, ctx.service);
    } else {
      monitor.stop();
    }
    if (store.user === null) return root.replaceChildren();
    const summary =
      selection === null || info === undefined
        ? h(
            'div',
            { class: 'card details-empty' },
            h('h3', {}, 'Nothing selected'),
            h(
              'p',
              { class: 'muted' },
              'Select a node in the tree: the forms below prefill their ids from it, and a service shows its live usage.',
            ),
          )
        : h(
            'div',
            { class: 'card details', 'data-testid': 'details', 'data-kind': selection.kind },
            h(
              'div',
              { class: 'details-head' },
              h('span', { class: 'details-kind' }, KIND_LABELS[selection.kind]),
              h('h3', { 'data-testid': 'details-name' }, info.name),
              info.status === undefined ? null : badge(info.status, 'details-status'),
              h('code', { class: 'details-id' }, info.id),
            ),
            h(
              'dl',
              { class: 'facts' },
              ...info.facts
                .filter(([, value]) => value !== undefined && value !== '')
                .map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, String(value)))),
            ),
          );
    root.replaceChildren(summary, ctx.serviceSelected ? monitor.element : h('span'));
  };
  store.subscribe(render);
  render();
}
