import type { organizationRoutes } from '../../../api/contract/organization-routes';
import type { BillingInformation } from '../../../interfaces';
import { organizationAccess } from '../access';
import { conflict, invalid, notFound } from '../errors';
import { listPage } from '../list-page';
import { organizationMembershipChanged } from '../notification-drafts';
import { notify } from '../notifications';
import { renderPdf } from '../pdf';
import type { OrganizationRecord, UserRecord } from '../records';
import type { Store } from '../store';
import { invoiceTotal, invoiceView, organizationView } from '../view-user';
import type { Handlers } from './types';

function ensureUniqueName(store: Store, owner: UserRecord, name: string, except?: string): void {
  const taken = [...store.organizations.values()].some(
    (item) => item.ownerId === owner.id && item.name === name && item.id !== except,
  );
  if (taken) throw conflict(`You already own an organization named ${name}`, 'name_taken');
}

function defaultBilling(name: string, user: UserRecord): BillingInformation {
  return {
    legalName: name,
    CIFNIF: '',
    email: user.email,
    language: 'en',
    country: '',
    region: '',
    city: '',
    address: '',
    zipcode: '',
  };
}

function touch(store: Store, organization: OrganizationRecord) {
  organization.updatedAt = store.timestamp();
  return organizationView(store, organization);
}

/** Organizations: any member reads; only the owner changes, bills or deletes. */
export const organizationHandlers = {
  createOrganization: ({ store, user }, { body }) => {
    ensureUniqueName(store, user, body.name);
    const now = store.timestamp();
    const organization: OrganizationRecord = {
      id: store.nextId('org'),
      name: body.name,
      ownerId: user.id,
      usersIds: [user.id],
      billingInformation: body.billingInformation ?? defaultBilling(body.name, user),
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    store.organizations.set(organization.id, organization);
    return organizationView(store, organization);
  },

  updateOrganization: ({ store, user }, { params, body }) => {
    const organization = organizationAccess(store, user, params.organizationId, 'rename it');
    ensureUniqueName(store, user, body.name, organization.id);
    organization.name = body.name;
    return touch(store, organization);
  },

  deleteOrganization: ({ store, user }, { params }) => {
    const organization = organizationAccess(store, user, params.organizationId, 'delete it');
    const tenants = store.tenantsOfOrganization(organization.id);
    if (tenants.length > 0) {
      throw conflict(
        `Organization ${organization.name} still has tenants (${tenants.map((t) => t.name).join(', ')})`,
        'has_dependants',
      );
    }
    store.organizations.delete(organization.id);
    for (const invoice of store.invoicesOf(organization.id)) store.invoices.delete(invoice.id);
    return undefined;
  },

  updateBillingInformation: ({ store, user }, { params, body }) => {
    const organization = organizationAccess(store, user, params.organizationId, 'change its billing information');
    organization.billingInformation = { ...body };
    return touch(store, organization);
  },

  loadInvoices: ({ store, user }, { params, query }) => {
    organizationAccess(store, user, params.organizationId, false);
    const invoices = store.invoicesOf(params.organizationId).map((invoice) => invoiceView(store, invoice));
    return listPage(invoices, query);
  },

  downloadInvoice: ({ store, user }, { params }) => {
    const organization = organizationAccess(store, user, params.organizationId, false);
    const invoice = store.invoices.get(params.invoiceId);
    if (invoice?.organizationId !== organization.id) throw notFound(`Invoice ${params.invoiceId}`);
    return renderPdf(`Invoice ${invoice.name}`, [
      `Invoice ${invoice.id} of ${invoice.date}`,
      `Customer: ${invoice.customer} (${invoice.customerCIF})`,
      '',
      ...invoice.lines.map((line) => `${line.description}: ${line.amount.toFixed(2)} EUR`),
      '',
      `Total: ${invoiceTotal(invoice).toFixed(2)} EUR`,
    ]);
  },

  addOrganizationMember: ({ store, user }, { params, body }) => {
    const organization = organizationAccess(store, user, params.organizationId, 'add members');
    const member = store.userByEmail(body.email);
    if (member === undefined) throw invalid('email', 'no registered user has this email', 'The member was not added');
    if (organization.usersIds.includes(member.id)) {
      throw conflict(`${member.email} is already a member of organization ${organization.name}`, 'already_member');
    }
    organization.usersIds.push(member.id);
    notify(store, [member.id], organizationMembershipChanged(organization, 'added'));
    return touch(store, organization);
  },

  removeOrganizationMember: ({ store, user }, { params }) => {
    // Members may leave on their own; removing someone else needs the owner.
    const leaving = params.userId === user.id;
    const organization = organizationAccess(store, user, params.organizationId, leaving ? false : 'remove members');
    if (!organization.usersIds.includes(params.userId)) throw notFound(`Member ${params.userId}`);
    if (params.userId === organization.ownerId) {
      throw conflict(
        `The owner of organization ${organization.name} cannot be removed; delete the organization instead`,
        'owner_required',
      );
    }
    organization.usersIds = organization.usersIds.filter((id) => id !== params.userId);
    // Who leaves on their own needs no telling.
    if (!leaving) notify(store, [params.userId], organizationMembershipChanged(organization, 'removed'));
    return touch(store, organization);
  },
} satisfies Handlers<keyof typeof organizationRoutes>;
