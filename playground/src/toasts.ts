import { h } from './dom';

const SHOWN_MS = 6_000;
const MAX_TOASTS = 3;

/** Brief messages at the bottom right, in one polite live region; the oldest goes when a fourth arrives. */
export class Toasts {
  readonly element = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite', 'data-testid': 'toasts' });

  show(title: string, message: string, tone: 'info' | 'good' | 'bad' = 'info'): void {
    const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss' }, '×');
    const toast = h(
      'div',
      { class: `toast tone-${tone}`, 'data-testid': 'toast' },
      h('div', { class: 'toast-body' }, h('strong', { class: 'toast-title' }, title), h('span', {}, message)),
      close,
    );
    const remove = () => toast.remove();
    close.addEventListener('click', remove);
    setTimeout(remove, SHOWN_MS);
    this.element.append(toast);
    while (this.element.children.length > MAX_TOASTS) this.element.firstElementChild?.remove();
  }
}
