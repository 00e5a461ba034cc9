import { h } from './dom';
import { fieldLabel } from './labels';
import { REFERENCE_FIELDS, REFERENCE_NOUNS, type ReferenceOption } from './references';
import type { FieldSpec } from './schema-fields';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
export type ReadResult = { ok: true; present: boolean; value: unknown } | { ok: false; message: string };

/** What a form needs of one of its fields, whether a single control or a small form of its own. */
export interface FormField {
  readonly element: HTMLElement;
  /** The user changed it: prefill no longer overwrites it. */
  dirty: boolean;
  read(): ReadResult;
  write(value: unknown): void;
  /** Shows `message` by the field (or clears it); `where` is the path inside the field it is about. */
  setError(message: string | undefined, where?: string): void;
  /** Forgets what must not outlive the request it was sent with (a secret). */
  afterSuccess?(): void;
}

/** One labelled control of a form, with its own error line; reads and writes the value in the input's shape. */
export class FieldControl implements FormField {
  readonly element: HTMLElement;
  readonly control: Control;
  readonly #error: HTMLElement;
  /** The id of the chosen node, under a reference select. */
  readonly #refId: HTMLElement | null;
  dirty = false;

  constructor(
    readonly spec: FieldSpec,
    readonly testPrefix: string,
    label = fieldLabel(spec.name),
  ) {
    this.control = this.#createControl();
    this.control.addEventListener('input', () => {
      this.dirty = true;
      this.setError(undefined);
    });
    this.#error = h('div', { class: 'field-error', 'data-testid': `field-error-${testPrefix}`, role: 'alert' });
    this.#error.hidden = true;
    this.#refId =
      spec.kind === 'reference' ? h('code', { class: 'field-ref-id', 'data-testid': `ref-id-${testPrefix}` }) : null;
    this.control.addEventListener('change', () => this.#showRefId());
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
      this.#refId,
      this.#error,
    );
  }

  #createControl(): Control {
    const { kind, name, required, options } = this.spec;
    const testId = `input-${this.testPrefix}`;
    if (kind === 'reference') {
      const select = h('select', { 'data-testid': testId, name });
      this.#fillSelect(select, []);
      return select;
    }
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
    const type = kind === 'secret' ? 'password' : kind === 'boolean' ? 'checkbox' : kind === 'text' ? 'text' : 'number';
    // Browsers ignore "off" on password fields: "new-password" keeps the sign-in password out of a secret field.
    const input = h('input', {
      type,
      'data-testid': testId,
      name,
      autocomplete: kind === 'secret' ? 'new-password' : 'off',
    });
    if (kind === 'number') input.step = 'any';
    return input;
  }

  /** The choices of a reference select, after a first empty one ("Choose a service…", or "—" if optional). */
  #fillSelect(select: HTMLSelectElement, options: readonly ReferenceOption[]): void {
    const kind = REFERENCE_FIELDS[this.spec.name];
    const noun = kind === undefined ? 'value' : REFERENCE_NOUNS[kind];
    const empty =
      options.length === 0
        ? `No ${noun} to choose`
        : this.spec.required
          ? `Choose ${/^([aeio]|API)/.test(noun) ? 'an' : 'a'} ${noun}…`
          : '—';
    select.replaceChildren(
      h('option', { value: '' }, empty),
      ...options.map(({ value, label, detail }) =>
        h('option', { value, title: detail === value ? undefined : detail, 'data-id': value }, label),
      ),
    );
  }

  #showRefId(): void {
    if (this.#refId === null) return;
    const value = this.control.value;
    this.#refId.textContent = value === '' ? '' : `id ${value}`;
    this.#refId.hidden = value === '';
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
    // A value the select does not offer leaves no option chosen: show the empty one instead.
    if (control instanceof HTMLSelectElement && control.selectedIndex === -1) control.value = '';
    this.#showRefId();
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

  /**
   * Replaces the choices of a select, keeping the current value when it is still offered (otherwise none is
   * chosen). Reports whether the value changed.
   */
  setOptions(options: readonly ReferenceOption[]): boolean {
    const { control } = this;
    if (!(control instanceof HTMLSelectElement)) return false;
    const current = control.value;
    this.#fillSelect(control, options);
    control.value = options.some((option) => option.value === current) ? current : '';
    this.#showRefId();
    return control.value !== current;
  }

  /** Hides what is typed (a secret) or shows it again; only a text input changes. */
  mask(hidden: boolean): void {
    const { control, spec } = this;
    if (control instanceof HTMLInputElement && (spec.kind === 'text' || spec.kind === 'secret')) {
      control.type = hidden ? 'password' : 'text';
    }
  }

  setError(message: string | undefined, where = ''): void {
    const text = message === undefined || where === '' ? message : `${where}: ${message}`;
    this.#error.textContent = text ?? '';
    this.#error.hidden = text === undefined;
    this.element.classList.toggle('has-error', text !== undefined);
    this.control.setAttribute('aria-invalid', String(text !== undefined));
  }
}
