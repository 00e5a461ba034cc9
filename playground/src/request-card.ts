import { isLongRunning, type RequestName } from 'aurora-backend-handler';
import { requests } from 'aurora-backend-handler/schemas';
import type { Backend } from './backend';
import { h } from './dom';
import { renderError } from './error-view';
import { prettyJson, summarize, toErrorView, type ErrorView } from './format';
import type { FieldControl } from './field-control';

export type BuiltInput = { ok: true; input: unknown } | { ok: false };

export interface CardOptions {
  operation: RequestName;
  backend: Backend;
  /** The controls, keyed by the name error details use for them (first segment of `details[].path`). */
  fields: ReadonlyMap<string, FieldControl>;
  body: HTMLElement;
  buildInput(): BuiltInput;
  /** The field that shows an error detail at `path`; default: the field named by its first segment. */
  fieldFor?: (path: string) => string | undefined;
  submitLabel?: string;
  open?: boolean;
}

/**
 * One operation as a collapsible card: its summary, a form, a submit button sending `bridge.request`, and
 * feedback. VALIDATION details go next to their fields; anything else goes to a readable error box.
 */
export class RequestCard {
  readonly element: HTMLDetailsElement;
  readonly #feedback: HTMLElement;
  readonly #submit: HTMLButtonElement;

  constructor(readonly options: CardOptions) {
    const { operation } = options;
    const longRunning = isLongRunning(operation);
    this.#feedback = h('div', { class: 'op-feedback', 'data-testid': `feedback-${operation}` });
    this.#submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary', 'data-testid': `submit-${operation}` },
      options.submitLabel ?? 'Send',
    );
    const form = h(
      'form',
      { class: 'op-form', novalidate: true },
      options.body,
      h(
        'div',
        { class: 'op-actions' },
        this.#submit,
        h('code', { class: 'op-call' }, `bridge.request('${operation}'${options.fields.size === 0 ? '' : ', input'})`),
      ),
      this.#feedback,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.element = h(
      'details',
      { class: 'op-card', 'data-testid': `op-${operation}`, 'data-operation': operation, open: options.open === true },
      h(
        'summary',
        { 'data-testid': `op-toggle-${operation}` },
        h('span', { class: 'op-name' }, operation),
        longRunning
          ? h('span', { class: 'tag tag-lro', title: 'Long-running: answered 202, then followed' }, 'long-running')
          : null,
        h('span', { class: 'op-summary' }, requests[operation].summary),
      ),
      form,
    );
  }

  async submit(): Promise<void> {
    for (const field of this.options.fields.values()) field.setError(undefined);
    this.#feedback.replaceChildren();
    const built = this.options.buildInput();
    if (!built.ok) return;
    const { operation, backend } = this.options;
    const requestId = crypto.randomUUID();
    this.#submit.disabled = true;
    this.#status('pending', `Sent · requestId ${requestId.slice(0, 8)}`);
    try {
      const result = await backend.send(operation, built.input, { requestId, timeoutMs: 20_000 });
      if (isLongRunning(operation)) this.#follow(requestId, result);
      else this.#status('success', `Done · ${summarize(result)}`, result);
    } catch (error) {
      this.showError(toErrorView(error));
    } finally {
      this.#submit.disabled = false;
    }
  }

  /** VALIDATION details next to their fields; the rest, and every other error, in the error box. */
  showError(error: ErrorView): void {
    const fieldFor = this.options.fieldFor ?? ((path: string) => path.split('.')[0]);
    const unplaced = error.details.filter((detail) => {
      const key = fieldFor(detail.path) ?? '';
      const field = this.options.fields.get(key);
      if (field === undefined) return true;
      const [first, ...rest] = detail.path.split('.');
      // Where the field is the detail's first segment, name only what is inside it (e.g. `0.port`).
      const where = first === key ? rest.join('.') : detail.path;
      field.setError(where === '' ? detail.message : `${where}: ${detail.message}`);
      return false;
    });
    const placed = error.details.length - unplaced.length;
    const box = renderError({ ...error, details: unplaced }, `error-${this.options.operation}`);
    if (placed > 0) box.append(h('p', { class: 'error-note' }, `${placed} problem(s) shown next to the fields above.`));
    this.#feedback.replaceChildren(box);
  }

  #status(status: string, text: string, payload?: unknown): void {
    this.#feedback.replaceChildren(
      h(
        'div',
        { class: `result result-${status}`, 'data-testid': `result-${this.options.operation}`, 'data-status': status },
        h('span', { class: 'result-text' }, text),
        payload === undefined
          ? null
          : h('details', { class: 'result-json' }, h('summary', {}, 'Payload'), h('pre', {}, prettyJson(payload))),
      ),
    );
  }

  /** A long-running operation was accepted: show its progress until it completes or fails. */
  #follow(requestId: string, accepted: unknown): void {
    const { bridge } = this.options.backend;
    const id = (accepted as { id?: string }).id ?? '?';
    this.#status('accepted', `Accepted · operation ${id} · following it…`, accepted);
    const mine = (meta: { requestId: string }) => meta.requestId === requestId;
    const offs = [
      bridge.on('operation:progress', (operation, meta) => {
        if (mine(meta)) this.#status('running', `Operation ${id} ${operation.status} · ${operation.progress}%`);
      }),
      bridge.on('operation:completed', (operation, meta) => {
        if (!mine(meta)) return;
        this.#status('completed', `Operation ${id} completed`, operation);
        for (const off of offs) off();
      }),
      bridge.on('operation:failed', (error, meta) => {
        if (!mine(meta)) return;
        this.showError(toErrorView(error));
        for (const off of offs) off();
      }),
    ];
  }
}
