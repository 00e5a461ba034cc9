import { freemiumCredentials, viewerCredentials } from '../testing';
import { organizationIn } from './support/ops-fixtures';
import { setupReference, useReferenceApi } from './support/reference';

useReferenceApi();

describe('addOrganizationMember', () => {
  it('adds a registered user by email; the state follows', async () => {
    const context = setupReference();
    const { bridge, log, signIn } = context;
    await signIn();

    const organization = await bridge.request('addOrganizationMember', {
      organizationId: 'org-1',
      email: freemiumCredentials.email,
    });

    expect(organization.usersIds).toEqual(['usr-1', 'usr-2', 'usr-4', 'usr-3']);
    expect(organizationIn(context, 'org-1')).toEqual(organization);
    expect(log.names()).toEqual(['addOrganizationMember', 'state:changed', 'addOrganizationMember:success']);
  });

  it('refuses a user who already is a member with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('addOrganizationMember', { organizationId: 'org-1', email: viewerCredentials.email }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, path: '/organizations/org-1/members' });
    expect(handler.getState()).toBe(before);
  });

  it('refuses an email no user is registered with: VALIDATION (400) naming email', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('addOrganizationMember', { organizationId: 'org-1', email: 'nobody@aurora.dev' }),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', status: 400 });
    expect(error.details).toEqual([{ path: 'email', message: 'no registered user has this email' }]);
  });

  it('refuses a member who is not the owner with FORBIDDEN (403)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);

    const error = await expectError(
      bridge.request('addOrganizationMember', { organizationId: 'org-1', email: freemiumCredentials.email }),
    );

    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('answers an unknown organization with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('addOrganizationMember', { organizationId: 'org-404', email: freemiumCredentials.email }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('removeOrganizationMember', () => {
  it('removes a member; the state follows', async () => {
    const context = setupReference();
    const { bridge, log, signIn } = context;
    await signIn();

    const organization = await bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-4' });

    expect(organization.usersIds).toEqual(['usr-1', 'usr-2']);
    expect(organizationIn(context, 'org-1')).toEqual(organization);
    expect(log.names()).toEqual(['removeOrganizationMember', 'state:changed', 'removeOrganizationMember:success']);
  });

  it('lets a member leave: the organization is no longer in their state', async () => {
    const context = setupReference();
    const { bridge, handler, signIn } = context;
    await signIn(viewerCredentials);

    const organization = await bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-2' });
    const reloaded = setupReference();
    const fresh = await reloaded.signIn(viewerCredentials);

    expect(organization.usersIds).toEqual(['usr-1', 'usr-4']);
    expect(fresh.organizations).toEqual([]);
    expect(handler.getState()!.organizations).toEqual(fresh.organizations);
  });

  it('answers a user who is not a member with NOT_FOUND (404)', async () => {
    const { bridge, signIn, expectError } = setupReference();
    await signIn();

    const error = await expectError(
      bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-3' }),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, path: '/organizations/org-1/members/usr-3' });
  });

  it('refuses to remove the owner with CONFLICT (409)', async () => {
    const { bridge, handler, signIn, expectError } = setupReference();
    await signIn();
    const before = handler.getState();

    const error = await expectError(
      bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-1' }),
    );

    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(handler.getState()).toBe(before);
  });

  it('refuses a member who is not the owner removing someone else with FORBIDDEN (403)', async () => {
    const { api, bridge, signIn, expectError } = setupReference();
    await signIn(viewerCredentials);

    const error = await expectError(
      bridge.request('removeOrganizationMember', { organizationId: 'org-1', userId: 'usr-4' }),
    );

    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(api.store.organizations.get('org-1')?.usersIds).toContain('usr-4');
  });
});
