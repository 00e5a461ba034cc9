import type { User } from 'aurora-backend-handler';
import { resolveContext } from './context';
import { badge, h, type Child } from './dom';
import { sameNode, type NodeKind, type Selection, type SelectionStore } from './selection-store';

type Tenant = User['tenants'][number];
type Service = Tenant['services'][number];

const ICONS: Record<NodeKind | 'group', string> = {
  organization: '▣',
  token: '⚿',
  tenant: '◈',
  account: '☁',
  environment: '▤',
  resource: '◇',
  marketplaceItem: '✦',
  service: '⬡',
  role: '◉',
  instance: '▪',
  container: '▫',
  group: '',
};

interface NodeSpec {
  key: string;
  label: string;
  kind: NodeKind | 'group';
  selection?: Selection;
  status?: string | undefined;
  meta?: string | undefined;
  open?: boolean;
  children?: NodeSpec[];
}

/**
 * The user's tree as the handler holds it; clicking a node selects it (forms prefill from the selection).
 * Pushed changes re-render it at most once a frame, keeping the scroll position, the open nodes, the
 * selection and the keyboard focus; the rows whose content changed flash briefly.
 */
export function mountTree(root: HTMLElement, store: SelectionStore): void {
  const toggled = new Map<string, boolean>();
  // What each row showed last time, to flash the rows a change touched (not on the first render of a user).
  let shown = new Map<string, string>();
  let nextShown = new Map<string, string>();
  let flash = false;

  const renderNode = (node: NodeSpec, depth: number): HTMLElement => {
    const children = node.children ?? [];
    const open = toggled.get(node.key) ?? node.open ?? false;
    const selected = node.selection !== undefined && sameNode(store.selection, node.selection);
    const caret =
      children.length === 0
        ? h('span', { class: 'caret caret-none' })
        : h(
            'button',
            {
              type: 'button',
              class: 'caret',
              'aria-label': open ? 'Collapse' : 'Expand',
              'aria-expanded': String(open),
              onClick: () => {
                toggled.set(node.key, !open);
                render();
              },
            },
            open ? '▾' : '▸',
          );
    const label: Child[] = [
      node.kind === 'group'
        ? null
        : h('span', { class: `node-icon icon-${node.kind}`, 'aria-hidden': 'true' }, ICONS[node.kind]),
      h('span', { class: 'node-label' }, node.label),
      node.meta === undefined ? null : h('span', { class: 'node-meta' }, node.meta),
      node.status === undefined ? null : badge(node.status),
    ];
    const row =
      node.selection === undefined
        ? h('div', { class: 'node-row node-group' }, caret, ...label)
        : h(
            'div',
            { class: `node-row${selected ? ' selected' : ''}` },
            caret,
            h(
              'button',
              {
                type: 'button',
                class: 'node-button',
                'aria-current': selected ? 'true' : undefined,
                onClick: () => store.select(node.selection ?? null),
              },
              ...label,
            ),
          );
    const signature = `${node.label}|${node.status ?? ''}|${node.meta ?? ''}`;
    nextShown.set(node.key, signature);
    const previous = shown.get(node.key);
    const changed = flash && shown.size > 0 && previous !== signature;
    return h(
      'li',
      {
        class: changed ? 'node node-changed' : 'node',
        style: `--depth: ${depth}`,
        'data-testid': 'tree-node',
        'data-key': node.key,
        'data-kind': node.kind,
        'data-name': node.label,
        'data-id': node.selection?.id,
        'data-status': node.status,
      },
      row,
      open && children.length > 0 ? h('ul', {}, ...children.map((child) => renderNode(child, depth + 1))) : null,
    );
  };

  let scheduled = false;
  const render = (changedState = false) => {
    scheduled = false;
    flash = changedState;
    const scroll = root.scrollTop;
    const focus = focusedRow(root);
    const user = store.user;
    nextShown = new Map();
    const body =
      user === null
        ? h('p', { class: 'muted tree-empty' }, 'Sign in to see the user tree.')
        : h(
            'ul',
            { class: 'tree', role: 'tree' },
            ...buildTree(user, store.selection).map((node) => renderNode(node, 0)),
          );
    shown = nextShown;
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, 'User tree')), body);
    root.scrollTop = scroll;
    if (focus !== undefined) restoreFocus(root, focus);
  };
  // A click renders at once; a state change waits for the next frame, so a burst of pushed batches paints
  // once. A hidden page paints nothing, and renders at once (frames would wait until it is shown).
  const schedule = () => {
    if (document.visibilityState !== 'visible') return render(true);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => render(true));
  };
  store.subscribe((change) => (change.selection ? render() : schedule()));
  render();
}

interface FocusedRow {
  key: string;
  caret: boolean;
}

function focusedRow(root: HTMLElement): FocusedRow | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return undefined;
  const key = active.closest<HTMLElement>('[data-testid="tree-node"]')?.dataset['key'];
  return key === undefined ? undefined : { key, caret: active.classList.contains('caret') };
}

function restoreFocus(root: HTMLElement, { key, caret }: FocusedRow): void {
  const row = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"] > .node-row`);
  row?.querySelector<HTMLElement>(caret ? '.caret' : '.node-button')?.focus({ preventScroll: true });
}

function group(key: string, label: string, children: NodeSpec[], open: boolean): NodeSpec {
  return { key, label, kind: 'group', meta: String(children.length), children, open };
}

function serviceNode(tenant: Tenant, service: Service, selection: Selection | null): NodeSpec {
  const inService = selection?.serviceId === service.id;
  const at = { tenantId: tenant.id, serviceId: service.id };
  return {
    key: `service:${service.id}`,
    label: service.name,
    kind: 'service',
    status: service.status,
    selection: { kind: 'service', id: service.id, ...at },
    open: inService,
    children: service.roles.map((role) => ({
      key: `role:${service.id}:${role.name}`,
      label: role.name,
      kind: 'role',
      meta: String(role.instances.length),
      selection: { kind: 'role', id: role.name, ...at },
      open: true,
      children: role.instances.map((instance) => ({
        key: `instance:${instance.id}`,
        label: instance.name,
        kind: 'instance',
        status: instance.status,
        selection: { kind: 'instance', id: instance.id, ...at, instanceId: instance.id },
        open: selection?.instanceId === instance.id,
        children: instance.containers.map((container) => ({
          key: `container:${instance.id}:${container.name}`,
          label: container.name,
          kind: 'container',
          status: container.state.status,
          meta: container.restartCount > 0 ? `${container.restartCount}↻` : undefined,
          selection: { kind: 'container', id: container.name, ...at, instanceId: instance.id },
        })),
      })),
    })),
  };
}

function tenantNode(tenant: Tenant, selection: Selection | null, current: boolean): NodeSpec {
  const at = { tenantId: tenant.id };
  const leaf = (kind: NodeKind, id: string, label: string, status?: string, meta?: string): NodeSpec => ({
    key: `${kind}:${id}`,
    label,
    kind,
    status,
    meta,
    selection: { kind, id, ...at },
  });
  return {
    key: `tenant:${tenant.id}`,
    label: tenant.name,
    kind: 'tenant',
    meta: tenant.role,
    status: tenant.status === 'active' ? undefined : tenant.status,
    selection: { kind: 'tenant', id: tenant.id, ...at },
    open: current,
    children: [
      group(
        `${tenant.id}:accounts`,
        'Accounts',
        tenant.accounts.map((a) => leaf('account', a.id, a.name, a.status)),
        true,
      ),
      group(
        `${tenant.id}:environments`,
        'Environments',
        tenant.environments.map((e) => leaf('environment', e.id, e.name, e.status)),
        true,
      ),
      group(
        `${tenant.id}:services`,
        'Services',
        tenant.services.map((s) => serviceNode(tenant, s, selection)),
        true,
      ),
      group(
        `${tenant.id}:resources`,
        'Resources',
        tenant.resources.map((r) => leaf('resource', r.id, r.name, undefined, r.type)),
        false,
      ),
      group(
        `${tenant.id}:marketplace`,
        'Marketplace',
        tenant.marketplaceItems.map((m) => leaf('marketplaceItem', m.id, m.name, undefined, m.version)),
        false,
      ),
    ],
  };
}

function buildTree(user: User, selection: Selection | null): NodeSpec[] {
  const currentTenant = resolveContext(user, selection).tenant?.id;
  return [
    group(
      'organizations',
      'Organizations',
      user.organizations.map((org) => ({
        key: `organization:${org.id}`,
        label: org.name,
        kind: 'organization',
        status: org.status,
        selection: { kind: 'organization', id: org.id },
      })),
      true,
    ),
    group(
      'tenants',
      'Tenants',
      user.tenants.map((tenant) => tenantNode(tenant, selection, tenant.id === currentTenant)),
      true,
    ),
    group(
      'tokens',
      'API tokens',
      user.tokens.map((token) => ({
        key: `token:${token.id}`,
        label: token.name,
        kind: 'token',
        selection: { kind: 'token', id: token.id },
      })),
      false,
    ),
  ];
}
