import type { User } from 'aurora-backend-handler';
import type { Backend } from './backend';
import { h } from './dom';
import { FieldControl } from './field-control';
import { referenceOptions } from './references';
import { RequestCard, type BuiltInput } from './request-card';
import type { PrefillableForm } from './request-form';
import type { FieldKind } from './schema-fields';

type Key =
  | 'tenantId'
  | 'name'
  | 'description'
  | 'environment'
  | 'account'
  | 'registry'
  | 'imageName'
  | 'minReplicas'
  | 'maxReplicas'
  | 'roleName'
  | 'roleCpu'
  | 'roleMemory'
  | 'channels';

const CHANNEL_LISTS = ['serverChannels', 'clientChannels', 'duplexChannels'] as const;

/** The deploy form: a service with one role, as a WUI would build it, sent as `deployService`. */
export function createDeployForm(backend: Backend): PrefillableForm {
  const fields = new Map<Key, FieldControl>();
  const field = (key: Key, label: string, kind: FieldKind, required = true, hint = ''): HTMLElement => {
    const control = new FieldControl({ name: key, kind, required, options: [], hint }, `deployService-${key}`, label);
    fields.set(key, control);
    return control.element;
  };
  const get = (key: Key): FieldControl => {
    const control = fields.get(key);
    if (control === undefined) throw new Error(`deploy form has no field ${key}`);
    return control;
  };
  const section = (legend: string, ...children: HTMLElement[]) =>
    h('fieldset', { class: 'op-section' }, h('legend', {}, legend), h('div', { class: 'op-fields' }, ...children));

  const body = h(
    'div',
    { class: 'deploy-form' },
    section(
      'Service',
      field('name', 'Name', 'text', true, 'dns label'),
      field('description', 'Description', 'text', false),
    ),
    section(
      'Placement',
      field('tenantId', 'Tenant', 'reference'),
      field('environment', 'Environment', 'reference'),
      field('account', 'Account', 'reference'),
    ),
    section('Image', field('registry', 'Registry', 'text'), field('imageName', 'Image', 'text')),
    section(
      'Replicas',
      field('minReplicas', 'Minimum replicas', 'integer'),
      field('maxReplicas', 'Maximum replicas', 'integer'),
    ),
    section(
      'Role',
      field('roleName', 'Role name', 'text'),
      field('roleCpu', 'CPU (vCPU)', 'number'),
      field('roleMemory', 'Memory (MB)', 'integer'),
    ),
    section('Channels', field('channels', 'Channels', 'json', true, 'serverChannels, clientChannels, duplexChannels')),
  );
  const defaults: Partial<Record<Key, unknown>> = {
    name: 'hello-web',
    registry: 'registry.aurora.dev',
    imageName: 'aurora/hello:1.0',
    minReplicas: 1,
    maxReplicas: 2,
    roleName: 'web',
    roleCpu: 0.25,
    roleMemory: 256,
    channels: {
      serverChannels: [{ name: 'http', protocol: 'http', port: 8080 }],
      clientChannels: [],
      duplexChannels: [],
    },
  };
  for (const [key, value] of Object.entries(defaults)) get(key as Key).write(value);
  get('channels').control.setAttribute('rows', '4');

  let user: User | null = null;
  const environmentsOf = (tenantId: string) => user?.tenants.find((item) => item.id === tenantId)?.environments ?? [];
  /** The environments and accounts of the tenant chosen in the form. */
  const offerPlacement = () => {
    const scope = { tenantId: get('tenantId').control.value };
    get('tenantId').setOptions(referenceOptions('tenant', user, {}));
    get('environment').setOptions(referenceOptions('environment', user, scope));
    get('account').setOptions(referenceOptions('account', user, scope));
  };
  get('tenantId').control.addEventListener('change', offerPlacement);
  get('environment').control.addEventListener('change', () => {
    const chosen = environmentsOf(get('tenantId').control.value).find(
      (item) => item.id === get('environment').control.value,
    );
    if (chosen !== undefined && !get('account').dirty) get('account').write(chosen.account);
  });

  const buildInput = (): BuiltInput => {
    const values: Partial<Record<Key, unknown>> = {};
    let ok = true;
    for (const [key, control] of fields) {
      const read = control.read();
      if (read.ok) values[key] = read.value;
      else {
        control.setError(read.message);
        ok = false;
      }
    }
    const channels: unknown = values.channels ?? {};
    if (typeof channels !== 'object' || channels === null || Array.isArray(channels)) {
      get('channels').setError('expected an object with serverChannels, clientChannels and duplexChannels');
      return { ok: false };
    }
    if (!ok) return { ok: false };
    return {
      ok: true,
      input: {
        tenantId: values.tenantId,
        name: values.name,
        ...(values.description === undefined ? {} : { description: values.description }),
        environment: values.environment,
        account: values.account,
        registry: values.registry,
        imageName: values.imageName,
        minReplicas: values.minReplicas,
        maxReplicas: values.maxReplicas,
        roles: [{ name: values.roleName, cpu: values.roleCpu, memory: values.roleMemory }],
        ...Object.fromEntries(CHANNEL_LISTS.map((list) => [list, []])),
        ...channels,
        links: [],
        resources: [],
      },
    };
  };

  const fieldFor = (path: string): string | undefined => {
    const [first = '', , leaf] = path.split('.');
    if (first === 'roles') return leaf === 'name' ? 'roleName' : leaf === 'memory' ? 'roleMemory' : 'roleCpu';
    if ((CHANNEL_LISTS as readonly string[]).includes(first)) return 'channels';
    return first;
  };

  const card = new RequestCard({
    operation: 'deployService',
    backend,
    fields,
    body,
    buildInput,
    fieldFor,
    submitLabel: 'Deploy',
  });
  return {
    element: card.element,
    prefill({ ctx, selectionChanged }) {
      user = ctx.user;
      if (selectionChanged) card.clearStale(true);
      const before = ['tenantId', 'environment', 'account'].map((key) => get(key as Key).control.value).join();
      const context: Array<[Key, string | undefined]> = [
        ['tenantId', ctx.tenant?.id],
        ['environment', ctx.environment?.id],
        ['account', ctx.account?.id],
      ];
      for (const [key, value] of context) {
        offerPlacement();
        const control = get(key);
        if (control.dirty && !selectionChanged) continue;
        control.dirty = false;
        control.write(value);
      }
      offerPlacement();
      const after = ['tenantId', 'environment', 'account'].map((key) => get(key as Key).control.value).join();
      if (after !== before) card.clearStale(true);
    },
  };
}
