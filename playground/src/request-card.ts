import { isLongRunning, type RequestName } from 'aurora-backend-handler';
import { requests } from 'aurora-backend-handler/schemas';
import type { Backend } from './backend';
import { h } from './dom';
import { renderError } from './error-view';
import { plural, prettyJson, summarize, toErrorView, type ErrorView } from './format';
import type { FormField } from './field-control';

export type BuiltInput = { ok: true; input: unknown } | { ok: false };

export interface CardOptions {
  operation: RequestName;
  backend: Backend;
  /** The controls, keyed by the name error details use for them (first segment of `details[].path`). */
  fields: ReadonlyMap<string, FormField>;
  body: HTMLElement;
  buildInput(): BuiltInput;
  /** The field that shows an error detail at `path`; default: the field named by its first segment. */
  fieldFor?: (path: string) => string | undefined;
  submitLabel?: string;
  open?: boolean;
  /** A destructive request: a danger button. */
  danger?: boolean;
  /** Asked once the input is built, before anything is sent: `false` sends nothing. */
  confirm?: (input: unknown) => Promise<boolean>;
  /** What the success message starts with, naming what was done: "Deleted service shop". @default 'Done' */
  doneText?: (input: unknown) => string;
  /** Called when the request succeeds (for a long-running one: when it is accepted). */
  onSuccess?: (result: unknown) => void;
}

/** Feedback statuses of a request still going on: its message stays while it does. */
const IN_FLIGHT: ReadonlySet<string> = new Set(['pending', 'accepted', 'running']);

/**
 * One operation as a collapsible card: its summary, a form, a submit button sending `bridge.request`, and
 * feedback. VALIDATION details go next to their fields; anything else goes to a readable error box.
 */
export class RequestCard {
  readonly element: HTMLDetailsElement;
  readonly #feedback: HTMLElement;
  readonly #submit: HTMLButtonElement;
  readonly #blocked: HTMLElement;
  /** The status of the message shown, `undefined` when none is. */
  #shown: string | undefined;
  /** Bumped whenever the message is cleared, so a request followed until then no longer writes here. */
  #generation = 0;

  constructor(readonly options: CardOptions) {
    const { operation } = options;
    const longRunning = isLongRunning(operation);
    this.#feedback = h('div', { class: 'op-feedback', 'data-testid': `feedback-${operation}` });
    this.#submit = h(
      'button',
      {
        type: 'submit',
        class: `btn ${options.danger === true ? 'btn-danger' : 'btn-primary'}`,
        'data-testid': `submit-${operation}`,
      },
      options.submitLabel ?? 'Send',
    );
    this.#blocked = h('span', { class: 'op-blocked muted', 'data-testid': `blocked-${operation}` });
    this.#blocked.hidden = true;
    const form = h(
      'form',
      { class: 'op-form', novalidate: true },
      options.body,
      h(
        'div',
        { class: 'op-actions' },
        this.#submit,
        this.#blocked,
        h('code', { class: 'op-call' }, `bridge.request('${operation}'${options.fields.size === 0 ? '' : ', input'})`),
      ),
      this.#feedback,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    // A result is about the input it was sent with: changing any of it makes the message stale.
    form.addEventListener('input', () => this.clearStale());
    form.addEventListener('change', () => this.clearStale());
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

  /**
   * Disables sending while `reason` says why (e.g. "Choose the service to delete"); `undefined` enables it.
   */
  setBlocked(reason: string | undefined): void {
    this.#submit.disabled = reason !== undefined;
    this.#submit.title = reason ?? '';
    this.#blocked.textContent = reason ?? '';
    this.#blocked.hidden = reason === undefined;
  }

  /**
   * Clears the message, unless it is about a request still going on. `fieldErrors` (the form's target
   * changed) clears the errors by the fields too; an edit clears only the error of the field edited.
   */
  clearStale(fieldErrors = false): void {
    if (this.#shown === undefined || IN_FLIGHT.has(this.#shown)) return;
    if (fieldErrors) for (const field of this.options.fields.values()) field.setError(undefined);
    this.#clear();
  }

  #clear(): void {
    this.#shown = undefined;
    this.#generation += 1;
    this.#feedback.replaceChildren();
  }

  async submit(): Promise<void> {
    for (const field of this.options.fields.values()) field.setError(undefined);
    this.#clear();
    const built = this.options.buildInput();
    if (!built.ok) return;
    const { operation, backend, confirm } = this.options;
    if (confirm !== undefined && !(await confirm(built.input))) return;
    const requestId = crypto.randomUUID();
    this.#submit.disabled = true;
    this.#status('pending', `Sent · requestId ${requestId.slice(0, 8)}`);
    const generation = this.#generation;
    try {
      const result = await backend.send(operation, built.input, { requestId, timeoutMs: 20_000 });
      this.options.onSuccess?.(result);
      if (generation !== this.#generation) return;
      const done = this.options.doneText?.(built.input);
      if (isLongRunning(operation)) this.#follow(requestId, result, done);
      else this.#status('success', `${done ?? 'Done'} · ${summarize(result)}`, result);
    } catch (error) {
      if (generation === this.#generation) this.showError(toErrorView(error));
    } finally {
      this.#submit.disabled = !this.#blocked.hidden;
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
      field.setError(detail.message, where);
      return false;
    });
    const placed = error.details.length - unplaced.length;
    const box = renderError({ ...error, details: unplaced }, `error-${this.options.operation}`);
    if (placed > 0) {
      const fields = placed === 1 ? 'the field' : 'the fields';
      box.append(
        h(
          'p',
          { class: 'error-note', 'data-testid': `error-note-${this.options.operation}` },
          `${plural(placed, 'problem')} shown next to ${fields} above.`,
        ),
      );
    }
    this.#shown = 'error';
    this.#feedback.replaceChildren(box);
  }

  #status(status: string, text: string, payload?: unknown): void {
    this.#shown = status;
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
  #follow(requestId: string, accepted: unknown, done: string | undefined): void {
    const { bridge } = this.options.backend;
    const id = (accepted as { id?: string }).id ?? '?';
    this.#status('accepted', `Accepted · operation ${id} · following it…`, accepted);
    const generation = this.#generation;
    // Once the message was cleared, the request is not this form's news any more (the timeline follows it).
    const current = () => generation === this.#generation;
    const mine = (meta: { requestId: string }) => meta.requestId === requestId;
    const offs = [
      bridge.on('operation:progress', (operation, meta) => {
        if (mine(meta) && current())
          this.#status('running', `Operation ${id} ${operation.status} · ${operation.progress}%`);
      }),
      bridge.on('operation:completed', (operation, meta) => {
        if (!mine(meta)) return;
        for (const off of offs) off();
        if (current()) this.#status('completed', `${done ?? 'Operation'} · ${id} completed`, operation);
      }),
      bridge.on('operation:failed', (error, meta) => {
        if (!mine(meta)) return;
        for (const off of offs) off();
        if (current()) this.showError(toErrorView(error));
      }),
    ];
  }
}
