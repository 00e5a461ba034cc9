import type { marketplaceRoutes } from '../../../api/contract/marketplace-routes';
import { inTenant, tenantAccess } from '../access';
import { conflict } from '../errors';
import { deployNewService } from '../lifecycle';
import { listPage } from '../list-page';
import { marketplaceItemView } from '../view-infra';
import type { Handlers } from './types';

/** The tenant's marketplace: everyone reads, members and up deploy. */
export const marketplaceHandlers = {
  loadMarketplace: ({ store, user }, { params, query }) => {
    tenantAccess(store, user, params.tenantId, 'viewer', 'read the marketplace');
    return listPage(
      store.marketplaceOf(params.tenantId).map((item) => marketplaceItemView(store, item)),
      query,
    );
  },

  deployMarketplaceItem: ({ store, user }, { params, body }) => {
    tenantAccess(store, user, params.tenantId, 'member', 'deploy marketplace items');
    const item = inTenant(store.marketplaceItems, params.itemId, params.tenantId, 'Marketplace item');
    if (item.status === 'deprecated') {
      throw conflict(`Marketplace item ${item.name} is deprecated and can no longer be deployed`, 'deprecated');
    }
    const spec = {
      ...item.template,
      ...body,
      description: item.description,
      logo: item.logo,
      project: item.name,
      resources: [],
    };
    return deployNewService(store, params.tenantId, spec, 'deployMarketplaceItem', user.id, item.id);
  },
} satisfies Handlers<keyof typeof marketplaceRoutes>;
