import { encodeListQuery } from './contract/list-query-codec';
import { marketplaceRoutes as routes } from './contract/marketplace-routes';
import type { Transport } from './http/transport';
import type { OperationImpls } from './operation-impl';
import { splitInput } from './split-input';

/** The marketplace: items a tenant can deploy as services. */
export function createMarketplaceApi(transport: Transport) {
  return {
    loadMarketplace: (input, context) =>
      transport.send(
        routes.loadMarketplace,
        { params: { tenantId: input.tenantId }, query: encodeListQuery(input.query ?? {}) },
        context,
      ),
    deployMarketplaceItem: (input, context) =>
      transport.send(routes.deployMarketplaceItem, splitInput(routes.deployMarketplaceItem, input), context),
  } satisfies Pick<OperationImpls, 'loadMarketplace' | 'deployMarketplaceItem'>;
}
