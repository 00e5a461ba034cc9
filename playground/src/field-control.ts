import { h } from './dom';
import type { FieldSpec } from './schema-fields';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
export type ReadResult = { ok: true; present: boolean; value: unknown } | { ok: false; message: string };

/** Id fields offer the ids of the current tree as suggestions (see datalists.ts). */
const SUGGESTIONS: Record<string, string> = {
  tenantId: 'dl-tenants',
  tenant: 'dl-tenants',
  organizationId: 'dl-organizations',
  accountId: 'dl-accounts',
  account: 'dl-accounts',
  environmentId: 'dl-environments',
  environment: 'dl-environments',
  serviceId: 'dl-services',
  instanceId: 'dl-instances',
  resourceId: 'dl-resources',
  tokenId: 'dl-tokens',
  itemId: 'dl-marketplace',
  invoiceId: 'dl-invoices',
  revision: 'dl-revisions',
  linkName: 'dl-links',
};

/** One labelled control of a form, with its own error line; reads and writes the value in the input's shape. */
export class FieldControl {
  readonly element: HTMLElement;
  readonly control: Control;
  readonly #error: HTMLElement;
  /** The user typed here: prefill no longer overwrites it. */
  dirty = false;

  constructor(
    readonly spec: FieldSpec,
    readonly testPrefix: string,
    label = spec.name,
  ) {
    this.control = this.#createControl();
    this.control.addEventListener('input', () => {
      this.dirty = true;
      this.setError(undefined);
    });
    this.#error = h('div', { class: 'field-error', 'data-testid': `field-error-${testPrefix}`, role: 'alert' });
    this.#error.hidden = true;
    const wide = spec.kind === 'json' ? ' field-wide' : '';
    this.element = h(
      'label',
      { class: `field field-${spec.kind}${wide}`, 'data-testid': `field-${testPrefix}`, 'data-field': spec.name },
      h(
        'span',
        { class: 'field-label' },
        label,
        spec.required ? h('span', { class: 'req', title: 'required' }, '*') : null,
        spec.hint === '' ? null : h('span', { class: 'field-hint' }, spec.hint),
      ),
      this.control,
      this.#error,
    );
  }

  #createControl(): Control {
    const { kind, name, required, options } = this.spec;
    const testId = `input-${this.testPrefix}`;
    if (kind === 'enum' || (kind === 'boolean' && !required)) {
      const values = kind === 'enum' ? options : ['true', 'false'];
      return h(
        'select',
        { 'data-testid': testId, name },
        required ? null : h('option', { value: '' }, '—'),
        ...values.map((value) => h('option', { value }, value)),
      );
    }
    if (kind === 'json') return h('textarea', { 'data-testid': testId, name, rows: 3, spellcheck: 'false' });
    const type = { text: 'text', secret: 'password', number: 'number', integer: 'number', boolean: 'checkbox' }[kind];
    const input = h('input', { type, 'data-testid': testId, name, list: SUGGESTIONS[name], autocomplete: 'off' });
    if (kind === 'number') input.step = 'any';
    return input;
  }

  write(value: unknown): void {
    const { control, spec } = this;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      control.checked = value === true;
    } else if (spec.kind === 'json') {
      control.value = value === undefined ? '' : JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      control.value = String(value);
    } else {
      control.value = value === undefined || value === null ? '' : JSON.stringify(value);
    }
  }

  read(): ReadResult {
    const { control, spec } = this;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      return { ok: true, present: true, value: control.checked };
    }
    const raw = control.value;
    if (raw.trim() === '' && (!spec.required || spec.kind !== 'text'))
      return { ok: true, present: false, value: undefined };
    switch (spec.kind) {
      case 'number':
      case 'integer': {
        const number = Number(raw);
        return { ok: true, present: true, value: Number.isNaN(number) ? raw : number };
      }
      case 'boolean':
        return { ok: true, present: true, value: raw === 'true' };
      case 'json':
        try {
          return { ok: true, present: true, value: JSON.parse(raw) as unknown };
        } catch (error) {
          return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
        }
      default:
        return { ok: true, present: true, value: raw };
    }
  }

  /** Replaces the choices of a select, keeping the current value when it is still offered. */
  setOptions(options: ReadonlyArray<{ value: string; label: string }>): void {
    const { control } = this;
    if (!(control instanceof HTMLSelectElement)) return;
    const current = control.value;
    const empty = this.spec.required ? [] : [h('option', { value: '' }, '—')];
    control.replaceChildren(...empty, ...options.map(({ value, label }) => h('option', { value }, label)));
    if (options.some((option) => option.value === current)) control.value = current;
  }

  /** Shows `message` under the control (or clears it). */
  setError(message: string | undefined): void {
    this.#error.textContent = message ?? '';
    this.#error.hidden = message === undefined;
    this.element.classList.toggle('has-error', message !== undefined);
    this.control.setAttribute('aria-invalid', String(message !== undefined));
  }
}
