import type { Backend } from './backend';
import { h } from './dom';
import type { SelectionStore } from './selection-store';

/**
 * The top bar: product name, the API the handler talks to, `live` (the stream indicator and the bell) and
 * who is signed in.
 */
export function mountHeader(
  root: HTMLElement,
  backend: Backend,
  store: SelectionStore,
  live: readonly HTMLElement[] = [],
): void {
  const user = h('div', { class: 'header-user', 'data-testid': 'signed-in-user' });
  const signOut = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-ghost btn-small',
      'data-testid': 'sign-out',
      onClick: () => void backend.send('logout', undefined).catch(() => undefined),
    },
    'Sign out',
  );
  const render = () => {
    const current = store.user;
    signOut.hidden = current === null;
    user.replaceChildren(
      current === null
        ? h('span', { class: 'muted' }, 'Not signed in')
        : h(
            'span',
            { class: 'header-who', title: `${current.name} ${current.surname} · ${current.email}` },
            h(
              'span',
              { class: 'avatar', 'aria-hidden': 'true' },
              `${current.name[0] ?? ''}${current.surname[0] ?? ''}`,
            ),
            h(
              'span',
              { class: 'header-names' },
              h('strong', {}, `${current.name} ${current.surname}`),
              h('span', { class: 'muted' }, `${current.email} · ${current.axebowPlan}`),
            ),
          ),
    );
  };
  root.replaceChildren(
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '◢'),
      h('span', { class: 'brand-name' }, 'Aurora'),
      h('span', { class: 'brand-sub' }, 'backend-handler playground'),
    ),
    h(
      'div',
      { class: 'header-api' },
      h('span', { class: 'muted' }, 'API'),
      h('code', { 'data-testid': 'api-url' }, backend.apiBaseUrl),
    ),
    h('div', { class: 'header-right' }, ...live, user, signOut),
  );
  store.subscribe((change) => change.user && render());
  render();
}
