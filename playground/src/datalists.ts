import type { Context } from './context';
import { h } from './dom';

interface Option {
  id: string;
  name: string;
}

/** Suggestions for id fields (`<input list="dl-…">`): the ids of the tree, labelled with their names. */
export function updateDatalists(root: HTMLElement, ctx: Context): void {
  const { user, tenant, service, organization } = ctx;
  const instances = service?.roles.flatMap((role) => role.instances) ?? [];
  const lists: Record<string, readonly Option[]> = {
    'dl-organizations': user?.organizations ?? [],
    'dl-tenants': user?.tenants ?? [],
    'dl-tokens': user?.tokens ?? [],
    'dl-accounts': tenant?.accounts ?? [],
    'dl-environments': tenant?.environments ?? [],
    'dl-services': tenant?.services ?? [],
    'dl-resources': tenant?.resources ?? [],
    'dl-marketplace': tenant?.marketplaceItems ?? [],
    'dl-instances': instances,
    'dl-invoices': organization?.invoices ?? [],
    'dl-revisions': (service?.revisions ?? []).map((id) => ({
      id,
      name: id === service?.currentRevision ? 'current' : '',
    })),
    'dl-links': (tenant?.services ?? []).flatMap((item) => item.links).map((link) => ({ id: link.name, name: '' })),
  };
  root.replaceChildren(
    ...Object.entries(lists).map(([id, options]) =>
      h('datalist', { id }, ...options.map((option) => h('option', { value: option.id, label: option.name }))),
    ),
  );
}
