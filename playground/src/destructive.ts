import type { RequestName, User } from 'aurora-backend-handler';
import { requests } from 'aurora-backend-handler/schemas';
import type { Confirmation } from './confirm-dialog';
import { referenceName, REFERENCE_FIELDS, REFERENCE_NOUNS, type ReferenceKind } from './references';
import type { NodeKind } from './selection-store';

// Requests that destroy something: they act only on a target the user chose, after a confirmation.

/** Whether `operation` destroys what it names: its route is a `DELETE`. */
export function isDestructive(operation: RequestName): boolean {
  return requests[operation].route.method === 'DELETE';
}

/** The input field naming what `operation` destroys (its route's last path parameter), if any. */
export function targetField(operation: RequestName): string | undefined {
  const params = [...requests[operation].route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  return params.at(-1);
}

/** Whether a selected node of `kind` names a target of `target` kind: itself, or a part of a service. */
export function selects(kind: NodeKind, target: ReferenceKind): boolean {
  if (kind === target) return true;
  return target === 'service' && (kind === 'role' || kind === 'instance' || kind === 'container');
}

const verbOf = (operation: RequestName): string => (operation.startsWith('delete') ? 'Delete' : 'Remove');

/** A confirmation, and what the success message says was done ("Deleted service shop in northwind-prod"). */
export interface DestructiveConfirmation extends Confirmation {
  done: string;
}

/** The confirmation of `operation` on the chosen `values`, with the names of the tree. */
export function confirmationOf(
  operation: RequestName,
  values: Readonly<Record<string, unknown>>,
  user: User | null,
): DestructiveConfirmation {
  const asked = confirmationText(operation, values, user);
  const done = asked.question.replace(/^(Delete|Remove)/, '$1d').replace(/\?$/, '');
  return { ...asked, done };
}

function confirmationText(
  operation: RequestName,
  values: Readonly<Record<string, unknown>>,
  user: User | null,
): Confirmation {
  const verb = verbOf(operation);
  const text = (field: string) => (typeof values[field] === 'string' ? values[field] : '');
  const scope = {
    tenantId: text('tenantId'),
    organizationId: text('organizationId'),
    serviceId: text('serviceId'),
  };
  const nameOf = (field: string) => {
    const kind = REFERENCE_FIELDS[field];
    return kind === undefined ? text(field) : referenceName(kind, user, scope, text(field));
  };
  const field = targetField(operation);
  const kind = field === undefined ? undefined : REFERENCE_FIELDS[field];
  const detail = 'This cannot be undone.';
  if (field === undefined || kind === undefined) {
    const who = user === null ? 'your user' : `your user ${user.name} ${user.surname} (${user.email})`;
    return { question: `${verb} ${who}?`, detail: `${detail} You are signed out.`, action: verb };
  }
  const target = `${REFERENCE_NOUNS[kind]} ${nameOf(field)}`;
  if (kind === 'user') {
    const from = 'organizationId' in values ? nameOf('organizationId') : nameOf('tenantId');
    const role = 'organizationId' in values ? 'member' : 'user';
    return {
      question: `${verb} ${role} ${nameOf(field)} from ${from}?`,
      detail: 'They lose access at once.',
      action: verb,
    };
  }
  const where = field !== 'tenantId' && 'tenantId' in values ? ` in ${nameOf('tenantId')}` : '';
  return { question: `${verb} ${target}${where}?`, detail, action: verb };
}
