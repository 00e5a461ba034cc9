import { encodeListQuery } from './contract/list-query-codec';
import { organizationRoutes as routes } from './contract/organization-routes';
import type { Transport } from './http/transport';
import type { OperationImpls } from './operation-impl';
import { splitInput } from './split-input';

const PDF = 'application/pdf';

/** Organizations, their billing information, invoices and members. */
export function createOrganizationsApi(transport: Transport) {
  return {
    createOrganization: (input, context) => transport.send(routes.createOrganization, { body: input }, context),
    updateOrganization: (input, context) =>
      transport.send(routes.updateOrganization, splitInput(routes.updateOrganization, input), context),
    deleteOrganization: async (input, context) => {
      await transport.send(routes.deleteOrganization, splitInput(routes.deleteOrganization, input), context);
      return input;
    },
    updateBillingInformation: (input, context) =>
      transport.send(
        routes.updateBillingInformation,
        { params: { organizationId: input.organizationId }, body: input.billingInformation },
        context,
      ),
    loadInvoices: (input, context) =>
      transport.send(
        routes.loadInvoices,
        { params: { organizationId: input.organizationId }, query: encodeListQuery(input.query ?? {}) },
        context,
      ),
    downloadInvoice: async (input, context) => {
      const data = await transport.send(routes.downloadInvoice, { params: input }, context);
      return { ...input, contentType: PDF, data };
    },
    addOrganizationMember: (input, context) =>
      transport.send(routes.addOrganizationMember, splitInput(routes.addOrganizationMember, input), context),
    removeOrganizationMember: (input, context) =>
      transport.send(routes.removeOrganizationMember, { params: input }, context),
  } satisfies Pick<
    OperationImpls,
    | 'createOrganization'
    | 'updateOrganization'
    | 'deleteOrganization'
    | 'updateBillingInformation'
    | 'loadInvoices'
    | 'downloadInvoice'
    | 'addOrganizationMember'
    | 'removeOrganizationMember'
  >;
}
