import type { RequestName, User } from 'aurora-backend-handler';
import type { Backend } from './backend';
import { CloudProviderField } from './cloud-provider-form';
import { confirmAction } from './confirm-dialog';
import type { Context } from './context';
import { confirmationOf, isDestructive, selects, targetField } from './destructive';
import { h } from './dom';
import { FieldControl, type FormField } from './field-control';
import { CONTEXT_FIELDS, contextValue, prefillValue } from './prefill';
import { RequestCard, type BuiltInput } from './request-card';
import { byScope, REFERENCE_FIELDS, REFERENCE_NOUNS, referenceOptions, type ReferenceScope } from './references';
import { fieldsOf } from './schema-fields';
import type { Selection, SelectionOrigin } from './selection-store';

/** What a form is prefilled from. */
export interface PrefillInput {
  /** The selection, with the first node of each kind where nothing of it is selected. */
  ctx: Context;
  /** Only what is selected: all a destructive form may target. */
  selected: Context;
  selection: Selection | null;
  origin: SelectionOrigin;
  /** The selection changed (not only the tree). */
  selectionChanged: boolean;
}

/** What the operations panel needs of a form: its card, and a way to prefill it from the context. */
export interface PrefillableForm {
  readonly element: HTMLElement;
  /**
   * Writes context values into the fields the user has not changed; a change of selection also resets
   * reference fields and clears the result message. A destructive form follows only the user's selections.
   */
  prefill(input: PrefillInput): void;
}

/**
 * A form generated from the operation's zod input schema (through `z.toJSONSchema`): references are
 * selects of names, the cloud provider a form of its own. A destructive operation (a `DELETE` route) acts
 * only on a target the user chose, asks before sending, and forgets the target once it is gone.
 */
export function createRequestForm(operation: RequestName, backend: Backend): PrefillableForm {
  const fields = new Map<string, FormField>();
  const references = new Map<string, FieldControl>();
  for (const spec of fieldsOf(operation)) {
    const prefix = `${operation}-${spec.name}`;
    if (spec.kind === 'provider') {
      fields.set(spec.name, new CloudProviderField(prefix, !spec.required));
      continue;
    }
    const control = new FieldControl(spec, prefix);
    fields.set(spec.name, control);
    if (spec.kind === 'reference') references.set(spec.name, control);
  }
  const order = byScope([...references.keys()]);
  const destructive = isDestructive(operation);
  const target = destructive ? targetField(operation) : undefined;
  const targetControl = target === undefined ? undefined : references.get(target);
  const targetKind = target === undefined ? undefined : REFERENCE_FIELDS[target];
  const missingTarget =
    targetKind === undefined
      ? ''
      : `Choose the ${REFERENCE_NOUNS[targetKind]} to ${operation.startsWith('delete') ? 'delete' : 'remove'}`;
  let user: User | null = null;
  let done: string | undefined;

  const chosen = (name: string): string | undefined => references.get(name)?.control.value || undefined;
  const scope = (): ReferenceScope => ({
    tenantId: chosen('tenantId') ?? chosen('tenant'),
    organizationId: chosen('organizationId'),
    serviceId: chosen('serviceId'),
  });
  /**
   * Offers each reference the nodes within the choices made before it (the services of the chosen
   * tenant...), writing `values` on the way; a choice no longer offered is dropped. Says if any changed.
   */
  const fillReferences = (values: ReadonlyMap<string, unknown> = new Map()): boolean => {
    let changed = false;
    for (const name of order) {
      const field = references.get(name);
      const kind = REFERENCE_FIELDS[name];
      if (field === undefined || kind === undefined) continue;
      const before = field.control.value;
      field.setOptions(referenceOptions(kind, user, scope()));
      if (values.has(name)) field.write(values.get(name));
      changed ||= field.control.value !== before;
    }
    return changed;
  };
  // A secret resource's value is typed like a password.
  const resourceType = (): string | undefined =>
    operation === 'createResource'
      ? (fields.get('type') as FieldControl | undefined)?.control.value
      : user?.tenants
          .find((item) => item.id === scope().tenantId)
          ?.resources.find((item) => item.id === chosen('resourceId'))?.type;
  const maskValue = () => {
    const value = fields.get('value');
    if (value instanceof FieldControl && operation.endsWith('Resource')) value.mask(resourceType() === 'secret');
  };
  const updateBlocked = () =>
    card.setBlocked(targetControl !== undefined && targetControl.control.value === '' ? missingTarget : undefined);

  const body =
    fields.size === 0
      ? h('p', { class: 'muted op-noinput' }, 'This operation takes no input.')
      : h('div', { class: 'op-fields' }, ...[...fields.values()].map((field) => field.element));
  for (const field of references.values()) {
    field.control.addEventListener('change', () => {
      fillReferences();
      updateBlocked();
    });
  }

  const buildInput = (): BuiltInput => {
    if (targetControl !== undefined && targetControl.control.value === '') {
      targetControl.setError(missingTarget);
      return { ok: false };
    }
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

  body.addEventListener('change', maskValue);
  const forgetSecrets = () => {
    for (const field of fields.values()) field.afterSuccess?.();
  };
  const card: RequestCard = new RequestCard({
    operation,
    backend,
    fields,
    body,
    buildInput,
    onSuccess: forgetSecrets,
    ...(destructive
      ? {
          danger: true,
          submitLabel: `${operation.startsWith('delete') ? 'Delete' : 'Remove'}…`,
          confirm: (input: unknown) => {
            const confirmation = confirmationOf(operation, (input ?? {}) as Record<string, unknown>, user);
            done = confirmation.done;
            return confirmAction(confirmation);
          },
          doneText: () => done ?? 'Done',
          onSuccess: () => {
            forgetSecrets();
            // The target is gone: the form does not move on to the next one by itself.
            targetControl?.write('');
            if (targetControl !== undefined) targetControl.dirty = false;
            fillReferences();
            updateBlocked();
          },
        }
      : {}),
  });

  return {
    element: card.element,
    prefill({ ctx, selected, selection, origin, selectionChanged }) {
      user = ctx.user;
      if (selectionChanged) card.clearStale(true);
      const values = new Map<string, unknown>();
      if (destructive) {
        // Only a selection the user made moves a destructive form; the target only from that very node.
        if (selectionChanged && origin === 'user') {
          for (const [name, field] of references) {
            const isTarget = name === target;
            const named =
              !isTarget || (selection !== null && targetKind !== undefined && selects(selection.kind, targetKind));
            values.set(name, named ? (contextValue(name, selected) ?? '') : '');
            field.dirty = false;
          }
        }
      } else {
        for (const [name, field] of fields) {
          if (field.dirty && !(selectionChanged && CONTEXT_FIELDS.has(name))) continue;
          field.dirty = false;
          values.set(name, prefillValue(operation, name, ctx));
        }
      }
      const changed = fillReferences(values);
      for (const [name, value] of values) if (!references.has(name)) fields.get(name)?.write(value);
      if (changed) card.clearStale(true);
      updateBlocked();
      maskValue();
    },
  };
}
