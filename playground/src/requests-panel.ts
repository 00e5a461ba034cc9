import type { Backend } from './backend';
import { resolveContext } from './context';
import { createDeployForm } from './deploy-form';
import { domainLabel, domainOfKind, requestsByDomain, type Domain } from './domains';
import { h } from './dom';
import { createRequestForm, type PrefillableForm } from './request-form';
import type { SelectionStore } from './selection-store';

/**
 * A form for every request of the library, in tabs by domain, prefilled from the selection; selecting a node
 * in the tree shows the tab of its requests.
 */
export function mountRequests(root: HTMLElement, backend: Backend, store: SelectionStore): void {
  const forms: PrefillableForm[] = [];
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const pages = h('div', { class: 'tab-pages' });
  const buttons = new Map<Domain, HTMLButtonElement>();
  const pageOf = new Map<Domain, HTMLElement>();

  const show = (domain: Domain) => {
    for (const [key, button] of buttons) button.setAttribute('aria-selected', String(key === domain));
    for (const [key, page] of pageOf) page.hidden = key !== domain;
  };

  for (const [domain, names] of requestsByDomain()) {
    const domainForms = names.map((name) =>
      name === 'deployService' ? createDeployForm(backend) : createRequestForm(name, backend),
    );
    forms.push(...domainForms);
    const button = h(
      'button',
      { type: 'button', class: 'tab', role: 'tab', 'data-testid': `domain-tab-${domain}`, onClick: () => show(domain) },
      domainLabel(domain),
      h('span', { class: 'tab-count' }, names.length),
    );
    buttons.set(domain, button);
    tabs.append(button);
    const page = h(
      'div',
      { class: 'tab-page', role: 'tabpanel', 'data-testid': `domain-${domain}` },
      ...domainForms.map((form) => form.element),
    );
    pageOf.set(domain, page);
    pages.append(page);
  }

  const prefill = (selectionChanged: boolean) => {
    const { user, selection, origin } = store;
    const ctx = resolveContext(user, selection);
    const selected = resolveContext(user, selection, { defaults: false });
    for (const form of forms) form.prefill({ ctx, selected, selection, origin, selectionChanged });
  };

  root.replaceChildren(
    h(
      'div',
      { class: 'panel-head' },
      h('h2', {}, 'Requests'),
      h(
        'span',
        { class: 'muted' },
        `${forms.length} request events · forms built from each request’s zod input schema`,
      ),
    ),
    tabs,
    pages,
  );
  show('tenant');
  store.subscribe((change) => {
    prefill(change.selection);
    // The page following a creation or deletion does not move the user to another tab.
    const { selection } = store;
    if (change.selection && store.origin === 'user' && selection !== null) show(domainOfKind(selection.kind));
  });
  prefill(true);
}
