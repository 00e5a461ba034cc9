import { h } from './dom';

/** What a confirmation says: the question naming the target, a line of consequences, the action's word. */
export interface Confirmation {
  /** The question, naming the target: "Delete service shop in northwind-prod?" */
  question: string;
  /** What follows from it, in a sentence. */
  detail: string;
  /** The confirming button's word. @example 'Delete' */
  action: string;
}

/**
 * Asks in a modal native `<dialog>`; resolves `true` only when the action's button is pressed. Cancel has the
 * focus (Enter does not destroy anything), and Escape or Cancel resolve `false`.
 */
export function confirmAction({ question, detail, action }: Confirmation): Promise<boolean> {
  const cancel = h(
    'button',
    { type: 'submit', value: 'cancel', class: 'btn', autofocus: true, 'data-testid': 'confirm-cancel' },
    'Cancel',
  );
  const accept = h(
    'button',
    { type: 'submit', value: 'confirm', class: 'btn btn-danger', 'data-testid': 'confirm-accept' },
    action,
  );
  const dialog = h(
    'dialog',
    { class: 'confirm-dialog', 'data-testid': 'confirm-dialog', 'aria-labelledby': 'confirm-question' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'confirm-question', 'data-testid': 'confirm-question' }, question),
      h('p', { class: 'muted' }, detail),
      h('div', { class: 'confirm-actions' }, cancel, accept),
    ),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        resolve(dialog.returnValue === 'confirm');
        dialog.remove();
      },
      { once: true },
    );
    dialog.showModal();
    cancel.focus();
  });
}
