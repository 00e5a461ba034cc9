import type { CloudProviderInput } from 'aurora-backend-handler';
import { h } from './dom';
import type { FormField, ReadResult } from './field-control';

type Key = Exclude<keyof CloudProviderInput, 'name'>;

interface ProviderField {
  key: Key;
  label: string;
  placeholder?: string;
  /** A fixed value, not shown. */
  fixed?: string;
  /** A choice of values. */
  choices?: readonly string[];
}

/** The providers the form knows, with the words each uses for its connection. */
const PROVIDERS: Readonly<Record<string, { label: string; fields: readonly ProviderField[] }>> = {
  aws: {
    label: 'Amazon Web Services',
    fields: [
      { key: 'region', label: 'Region', placeholder: 'eu-west-1' },
      { key: 'authType', label: 'Authentication', fixed: 'accessKey' },
      { key: 'credentialId', label: 'Access key ID', placeholder: 'AKIA…' },
      { key: 'credentialSecret', label: 'Secret access key' },
    ],
  },
  openstack: {
    label: 'OpenStack',
    fields: [
      { key: 'authUrl', label: 'Keystone URL', placeholder: 'https://keystone.example.net:5000/v3' },
      { key: 'region', label: 'Region', placeholder: 'RegionOne' },
      { key: 'interface', label: 'Endpoint interface', choices: ['public', 'internal', 'admin'] },
      { key: 'apiVersion', label: 'Identity API version', placeholder: '3' },
      { key: 'authType', label: 'Authentication', choices: ['password', 'applicationCredential'] },
      { key: 'credentialId', label: 'User or credential ID' },
      { key: 'credentialSecret', label: 'Password or credential secret' },
    ],
  },
  azure: {
    label: 'Microsoft Azure',
    fields: [
      { key: 'region', label: 'Region', placeholder: 'westeurope' },
      { key: 'authType', label: 'Authentication', fixed: 'servicePrincipal' },
      { key: 'credentialId', label: 'Client ID' },
      { key: 'credentialSecret', label: 'Client secret' },
    ],
  },
  gcp: {
    label: 'Google Cloud',
    fields: [
      { key: 'region', label: 'Region', placeholder: 'europe-west1' },
      { key: 'authType', label: 'Authentication', fixed: 'serviceAccount' },
      { key: 'credentialId', label: 'Service account email' },
      { key: 'credentialSecret', label: 'Service account key' },
    ],
  },
};

const SECRET: Key = 'credentialSecret';

/**
 * The cloud provider of createAccount / updateAccount as a form: a provider select and the fields that
 * provider uses. The secret is a password field, never prefilled, and never written anywhere else.
 * With `optional` (updateAccount) the connection is only sent when "Change the connection" is ticked, and an
 * empty secret keeps the current one.
 */
export class CloudProviderField implements FormField {
  readonly element: HTMLElement;
  dirty = false;
  readonly #provider: HTMLSelectElement;
  readonly #change: HTMLInputElement | null;
  readonly #body: HTMLElement;
  readonly #error: HTMLElement;
  readonly #inputs = new Map<Key, { wrap: HTMLElement; input: HTMLInputElement | HTMLSelectElement }>();
  readonly #errors = new Map<Key, HTMLElement>();

  constructor(
    readonly testPrefix: string,
    readonly optional: boolean,
  ) {
    this.#provider = h(
      'select',
      { name: 'cloudProvider.name', 'data-testid': `input-${testPrefix}-name` },
      h('option', { value: '' }, 'Choose a provider…'),
      ...Object.entries(PROVIDERS).map(([value, { label }]) => h('option', { value }, label)),
    );
    this.#provider.addEventListener('change', () => this.#layout());
    this.#error = h('div', { class: 'field-error', role: 'alert', 'data-testid': `field-error-${testPrefix}` });
    this.#error.hidden = true;
    const fields = [
      this.#wrap('name', 'Provider', this.#provider, true),
      ...(['authUrl', 'region', 'interface', 'apiVersion', 'authType', 'credentialId', SECRET] as const).map((key) =>
        this.#field(key),
      ),
    ];
    this.#body = h('div', { class: 'op-fields provider-fields' }, ...fields);
    this.#change = optional
      ? h('input', { type: 'checkbox', 'data-testid': `input-${testPrefix}-change`, name: 'cloudProvider.change' })
      : null;
    this.#change?.addEventListener('change', () => this.#layout());
    this.element = h(
      'fieldset',
      { class: 'field-wide provider-form', 'data-testid': `field-${testPrefix}`, 'data-field': 'cloudProvider' },
      h('legend', {}, 'Cloud provider ', optional ? null : h('span', { class: 'req', title: 'required' }, '*')),
      this.#change === null
        ? null
        : h(
            'label',
            { class: 'provider-change' },
            this.#change,
            'Change the connection (provider, region, credentials)',
          ),
      this.#body,
      this.#error,
    );
    this.element.addEventListener('input', () => {
      this.dirty = true;
      this.setError(undefined);
    });
    this.#layout();
  }

  #wrap(key: Key | 'name', label: string, control: HTMLElement, required = false): HTMLElement {
    const error = h('div', { class: 'field-error', role: 'alert' });
    error.hidden = true;
    if (key !== 'name') this.#errors.set(key, error);
    return h(
      'label',
      { class: 'field', 'data-field': `cloudProvider.${key}` },
      h('span', { class: 'field-label' }, label, required ? h('span', { class: 'req', title: 'required' }, '*') : null),
      control,
      error,
    );
  }

  #field(key: Key): HTMLElement {
    const testId = `input-${this.testPrefix}-${key}`;
    const name = `cloudProvider.${key}`;
    const input =
      key === 'interface' || key === 'authType'
        ? h('select', { name, 'data-testid': testId })
        : h('input', {
            name,
            'data-testid': testId,
            type: key === SECRET ? 'password' : key === 'authUrl' ? 'url' : 'text',
            // Browsers ignore "off" on password fields: "new-password" keeps them from filling in the sign-in
            // password here, or offering to save the cloud secret as one.
            autocomplete: key === SECRET ? 'new-password' : 'off',
            spellcheck: 'false',
          });
    const wrap = this.#wrap(key, key, input);
    this.#inputs.set(key, { wrap, input });
    return wrap;
  }

  /** Shows the fields of the chosen provider, with its words for them. */
  #layout(): void {
    const provider = PROVIDERS[this.#provider.value];
    const changing = this.#change === null || this.#change.checked;
    this.#body.hidden = !changing;
    for (const [key, { wrap, input }] of this.#inputs) {
      const field = provider?.fields.find((item) => item.key === key);
      wrap.hidden = field === undefined || field.fixed !== undefined;
      if (field === undefined) continue;
      const label = wrap.querySelector('.field-label');
      if (label !== null) label.textContent = field.label;
      if (input instanceof HTMLSelectElement) {
        const current = input.value;
        const choices = field.choices ?? (field.fixed === undefined ? [] : [field.fixed]);
        input.replaceChildren(...choices.map((value) => h('option', { value }, value)));
        if (choices.includes(current)) input.value = current;
      } else {
        input.placeholder =
          key === SECRET && this.optional ? 'leave empty to keep the current one' : (field.placeholder ?? '');
      }
    }
  }

  /** Writes a provider connection as the tree holds it; it has no secret, and the secret field is emptied. */
  write(value: unknown): void {
    const provider = (value ?? {}) as Partial<Record<keyof CloudProviderInput, unknown>>;
    this.#provider.value = typeof provider.name === 'string' && provider.name in PROVIDERS ? provider.name : '';
    if (this.#change !== null) this.#change.checked = false;
    this.#layout();
    for (const [key, { input }] of this.#inputs) {
      const item = provider[key];
      input.value = key === SECRET || typeof item !== 'string' ? '' : item;
    }
    this.#layout();
  }

  /** The secret was sent: it leaves the page's memory with the field's value. */
  afterSuccess(): void {
    const secret = this.#inputs.get(SECRET)?.input;
    if (secret !== undefined) secret.value = '';
  }

  read(): ReadResult {
    if (this.#change !== null && !this.#change.checked) return { ok: true, present: false, value: undefined };
    const name = this.#provider.value;
    const provider = PROVIDERS[name];
    if (provider === undefined) return { ok: true, present: false, value: undefined };
    const value: Record<string, string> = { name };
    for (const field of provider.fields) {
      const raw = field.fixed ?? this.#inputs.get(field.key)?.input.value.trim() ?? '';
      if (raw !== '') value[field.key] = raw;
    }
    return { ok: true, present: true, value };
  }

  setError(message: string | undefined, where = ''): void {
    const key = where.split('.')[0] as Key;
    const inner = this.#errors.get(key);
    const target = message !== undefined && inner !== undefined ? inner : this.#error;
    if (message === undefined) for (const error of [this.#error, ...this.#errors.values()]) error.hidden = true;
    target.textContent = message ?? '';
    target.hidden = message === undefined;
    this.element.classList.toggle('has-error', message !== undefined);
  }
}
