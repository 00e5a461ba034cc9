import type { Organization } from '../../interfaces/organization-interface';
import { removeById, updateUser, upsertById } from '../tree';
import type { Reducers, UserState } from '../user-state';

const putOrganization = (state: UserState, organization: Organization): UserState =>
  updateUser(state, (user) => ({ ...user, organizations: upsertById(user.organizations, organization) }));

/** Organizations, billing and members. */
export const organizationReducers = {
  createOrganization: putOrganization,
  updateOrganization: putOrganization,
  updateBillingInformation: putOrganization,
  addOrganizationMember: putOrganization,
  // Leaving an organization removes it from the signed-in user's tree.
  removeOrganizationMember: (state, organization, { userId }) =>
    state?.id === userId
      ? updateUser(state, (user) => ({ ...user, organizations: removeById(user.organizations, organization.id) }))
      : putOrganization(state, organization),
  deleteOrganization: (state, { organizationId }) =>
    updateUser(state, (user) => ({ ...user, organizations: removeById(user.organizations, organizationId) })),
} satisfies Reducers;
