import {
  DeployMarketplaceItemInputSchema,
  InstanceRefInputSchema,
  LinkServicesInputSchema,
  ListServicesInputSchema,
  LoadInstanceLogsInputSchema,
  LoadMarketplaceInputSchema,
  LoadServiceRevisionsInputSchema,
  RollbackServiceInputSchema,
  ScaleServiceInputSchema,
  ServiceRefInputSchema,
  UnlinkServicesInputSchema,
} from '../api/contract/service-inputs';
import { listResponseSchema } from '../api/contract/list-query';
import { marketplaceRoutes } from '../api/contract/marketplace-routes';
import { InstanceLogsSchema, RevisionSchema, serviceRoutes as routes } from '../api/contract/service-routes';
import { ServiceFormSchema, UpdateServiceFormSchema } from '../api/deploy-service-helper';
import { LinkSchema } from '../interfaces/link-interface';
import { MarketplaceItemSchema } from '../interfaces/marketplace-item-interface';
import { OperationSchema } from '../interfaces/operation-interface';
import { ServiceSchema } from '../interfaces/service-interface';
import { defineOperations } from './define-operations';

const accepted = { output: OperationSchema, longRunning: true } as const;

/** Services and marketplace items. Long-running ones succeed when accepted, then report `operation:*` events. */
export const serviceOperations = defineOperations({
  listServices: {
    summary: routes.listServices.summary,
    input: ListServicesInputSchema,
    output: listResponseSchema(ServiceSchema),
  },
  deployService: { summary: routes.deployService.summary, input: ServiceFormSchema, ...accepted },
  updateService: { summary: routes.updateService.summary, input: UpdateServiceFormSchema, ...accepted },
  scaleService: { summary: routes.scaleService.summary, input: ScaleServiceInputSchema, ...accepted },
  restartService: { summary: routes.restartService.summary, input: ServiceRefInputSchema, ...accepted },
  restartInstance: { summary: routes.restartInstance.summary, input: InstanceRefInputSchema, ...accepted },
  rollbackService: { summary: routes.rollbackService.summary, input: RollbackServiceInputSchema, ...accepted },
  loadServiceRevisions: {
    summary: routes.loadServiceRevisions.summary,
    input: LoadServiceRevisionsInputSchema,
    output: listResponseSchema(RevisionSchema),
  },
  loadInstanceLogs: {
    summary: routes.loadInstanceLogs.summary,
    input: LoadInstanceLogsInputSchema,
    output: InstanceLogsSchema,
  },
  deleteService: { summary: routes.deleteService.summary, input: ServiceRefInputSchema, ...accepted },
  linkServices: { summary: routes.linkServices.summary, input: LinkServicesInputSchema, output: LinkSchema },
  unlinkServices: {
    summary: routes.unlinkServices.summary,
    input: UnlinkServicesInputSchema,
    output: UnlinkServicesInputSchema,
  },
  loadMarketplace: {
    summary: marketplaceRoutes.loadMarketplace.summary,
    input: LoadMarketplaceInputSchema,
    output: listResponseSchema(MarketplaceItemSchema),
  },
  deployMarketplaceItem: {
    summary: marketplaceRoutes.deployMarketplaceItem.summary,
    input: DeployMarketplaceItemInputSchema,
    ...accepted,
  },
});
