import type {
  InstanceRefInput,
  LinkServicesInput,
  ListServicesInput,
  LoadInstanceLogsInput,
  LoadServiceRevisionsInput,
  RollbackServiceInput,
  ScaleServiceInput,
  ServiceRefInput,
  UnlinkServicesInput,
} from '../api/contract/service-inputs';
import type { InstanceLogs, Revision } from '../api/contract/service-routes';
import type { ListResponse } from '../api/contract/list-query';
import type { ServiceForm, UpdateServiceForm } from '../api/deploy-service-helper';
import type { Link } from '../interfaces/link-interface';
import type { Operation } from '../interfaces/operation-interface';
import type { Service } from '../interfaces/service-interface';
import type { Declarations, RequestTypes } from './define-request';
import { listResponseSchema } from '../api/contract/list-query';
import {
  InstanceRefInputSchema,
  LinkServicesInputSchema,
  ListServicesInputSchema,
  LoadInstanceLogsInputSchema,
  LoadServiceRevisionsInputSchema,
  RollbackServiceInputSchema,
  ScaleServiceInputSchema,
  ServiceRefInputSchema,
  UnlinkServicesInputSchema,
} from '../api/contract/service-inputs';
import { InstanceLogsSchema, RevisionSchema, serviceRoutes as routes } from '../api/contract/service-routes';
import { ServiceFormSchema, UpdateServiceFormSchema } from '../api/deploy-service-helper';
import { LinkSchema } from '../interfaces/link-interface';
import { OperationSchema } from '../interfaces/operation-interface';
import { ServiceSchema } from '../interfaces/service-interface';
import { markService, newServiceOf, servicesWithLinks } from '../state/service-tree';
import { updateTenant, upsertById } from '../state/tree';
import { defineRequest } from './define-request';
import { sendAndEcho, sendList } from './route-calls';
import { checkDeployForm, checkUpdateForm } from './service-form';

/** The types of this domain's requests, by name: input, success payload, long-running or not. */
export interface ServiceRequestTypes {
  listServices: RequestTypes<ListServicesInput, ListResponse<Service>>;
  deployService: RequestTypes<ServiceForm, Operation, true>;
  updateService: RequestTypes<UpdateServiceForm, Operation, true>;
  scaleService: RequestTypes<ScaleServiceInput, Operation, true>;
  restartService: RequestTypes<ServiceRefInput, Operation, true>;
  restartInstance: RequestTypes<InstanceRefInput, Operation, true>;
  rollbackService: RequestTypes<RollbackServiceInput, Operation, true>;
  loadServiceRevisions: RequestTypes<LoadServiceRevisionsInput, ListResponse<Revision>>;
  loadInstanceLogs: RequestTypes<LoadInstanceLogsInput, InstanceLogs>;
  deleteService: RequestTypes<ServiceRefInput, Operation, true>;
  linkServices: RequestTypes<LinkServicesInput, Link>;
  unlinkServices: RequestTypes<UnlinkServicesInput, UnlinkServicesInput>;
}

/**
 * Services: lists, deployments and their revisions, scaling, restarts, logs and links. Long-running ones
 * succeed when the API accepted them; the handler then follows their operation.
 */
export const serviceRequests: Declarations<ServiceRequestTypes> = {
  listServices: defineRequest({
    route: routes.listServices,
    input: ListServicesInputSchema,
    output: listResponseSchema(ServiceSchema),
    call: sendList,
    // A list may be filtered or paged, so it only adds and replaces services.
    reduce: (state, page, { tenantId }) =>
      updateTenant(state, tenantId, (tenant) => ({
        ...tenant,
        services: page.items.reduce(upsertById, tenant.services),
      })),
  }),
  deployService: defineRequest({
    route: routes.deployService,
    input: ServiceFormSchema,
    output: OperationSchema,
    parse: checkDeployForm,
    call: ({ tenantId, spec }, api) => api.send({ params: { tenantId }, body: spec }),
    reloads: (_input, _state, operation) => newServiceOf(operation),
  }),
  updateService: defineRequest({
    route: routes.updateService,
    input: UpdateServiceFormSchema,
    output: OperationSchema,
    parse: checkUpdateForm,
    call: ({ tenantId, serviceId, spec }, api) => api.send({ params: { tenantId, serviceId }, body: spec }),
    reduce: markService('deploying'),
  }),
  scaleService: defineRequest({
    route: routes.scaleService,
    input: ScaleServiceInputSchema,
    output: OperationSchema,
    reduce: markService('deploying'),
  }),
  restartService: defineRequest({
    route: routes.restartService,
    input: ServiceRefInputSchema,
    output: OperationSchema,
    reduce: markService('deploying'),
  }),
  restartInstance: defineRequest({
    route: routes.restartInstance,
    input: InstanceRefInputSchema,
    output: OperationSchema,
  }),
  rollbackService: defineRequest({
    route: routes.rollbackService,
    input: RollbackServiceInputSchema,
    output: OperationSchema,
    reduce: markService('deploying'),
  }),
  loadServiceRevisions: defineRequest({
    route: routes.loadServiceRevisions,
    input: LoadServiceRevisionsInputSchema,
    output: listResponseSchema(RevisionSchema),
    call: sendList,
  }),
  loadInstanceLogs: defineRequest({
    route: routes.loadInstanceLogs,
    input: LoadInstanceLogsInputSchema,
    output: InstanceLogsSchema,
    call: ({ tail, since, ...params }, api) =>
      api.send({
        params,
        query: { ...(tail === undefined ? {} : { tail: String(tail) }), ...(since === undefined ? {} : { since }) },
      }),
  }),
  deleteService: defineRequest({
    route: routes.deleteService,
    input: ServiceRefInputSchema,
    output: OperationSchema,
    reduce: markService('deleting'),
    removesTarget: true,
  }),
  linkServices: defineRequest({
    route: routes.linkServices,
    input: LinkServicesInputSchema,
    output: LinkSchema,
    // Both ends' channels change, as only the API knows.
    reloads: ({ tenantId, origin, target }) => ({ tenantId, serviceIds: [origin.service, target.service] }),
  }),
  unlinkServices: defineRequest({
    route: routes.unlinkServices,
    input: UnlinkServicesInputSchema,
    output: UnlinkServicesInputSchema,
    call: sendAndEcho,
    reloads: ({ tenantId, linkName }, state) => ({
      tenantId,
      serviceIds: servicesWithLinks(state, tenantId, (link) => link.name === linkName),
    }),
  }),
};
