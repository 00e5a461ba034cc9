import type { RequestName } from 'aurora-backend-handler';
import type { Backend } from './backend';
import type { Context } from './context';
import { h } from './dom';
import { FieldControl } from './field-control';
import { RequestCard, type BuiltInput } from './request-card';
import { CONTEXT_FIELDS, prefillValue } from './prefill';
import { fieldsOf } from './schema-fields';

/** What the operations panel needs of a form: its card, and a way to prefill it from the context. */
export interface PrefillableForm {
  readonly element: HTMLElement;
  /** Writes context values into the fields the user has not typed in; `selectionChanged` also resets id fields. */
  prefill(ctx: Context, selectionChanged: boolean): void;
}

/** A form generated from the operation's zod input schema (through `z.toJSONSchema`). */
export function createRequestForm(operation: RequestName, backend: Backend): PrefillableForm {
  const fields = new Map(
    fieldsOf(operation).map((spec) => [spec.name, new FieldControl(spec, `${operation}-${spec.name}`)] as const),
  );
  const body =
    fields.size === 0
      ? h('p', { class: 'muted op-noinput' }, 'This operation takes no input.')
      : h('div', { class: 'op-fields' }, ...[...fields.values()].map((field) => field.element));

  const buildInput = (): BuiltInput => {
    if (fields.size === 0) return { ok: true, input: undefined };
    const input: Record<string, unknown> = {};
    let ok = true;
    for (const [name, field] of fields) {
      const read = field.read();
      if (!read.ok) {
        field.setError(read.message);
        ok = false;
      } else if (read.present) {
        input[name] = read.value;
      }
    }
    return ok ? { ok: true, input } : { ok: false };
  };

  const card = new RequestCard({ operation, backend, fields, body, buildInput });
  return {
    element: card.element,
    prefill(ctx, selectionChanged) {
      for (const [name, field] of fields) {
        if (field.dirty && !(selectionChanged && CONTEXT_FIELDS.has(name))) continue;
        field.dirty = false;
        field.write(prefillValue(operation, name, ctx));
      }
    },
  };
}
