import type { userRoutes } from '../../../api/contract/user-routes';
import { conflict, invalid, notFound, unauthorized } from '../errors';
import { deliverSession, REFRESH_COOKIE, setRefreshCookie } from '../exchange';
import { openSession, randomSecret, revokeFamily, revokeUserSessions, rotateSession } from '../sessions';
import { tokenView, userView } from '../view-user';
import type { Handlers } from './types';

/** Sign-in, session refresh, profile, plan and API tokens of the signed-in user. */
export const userHandlers = {
  login: ({ store, exchange }, { body }) => {
    const user = store.userByEmail(body.email);
    if (user?.password !== body.password) throw unauthorized('Email or password is wrong', 'invalid_credentials');
    const tokens = openSession(store, user.id);
    return {
      user: userView(store, user),
      session: deliverSession(exchange, tokens, body.refreshTokenDelivery ?? 'cookie'),
    };
  },

  refreshSession: ({ store, exchange }, { body }) => {
    const presented = body.refreshToken ?? exchange.cookie(REFRESH_COOKIE);
    if (presented === undefined || presented === '') {
      throw unauthorized(
        `No refresh token: send it as refreshToken or in the ${REFRESH_COOKIE} cookie, or sign in again`,
        'missing_token',
      );
    }
    const tokens = rotateSession(store, presented);
    const delivery = body.refreshTokenDelivery ?? (body.refreshToken === undefined ? 'cookie' : 'body');
    return { session: deliverSession(exchange, tokens, delivery) };
  },

  logout: ({ store, credential, exchange }) => {
    const familyId = credential.type === 'session' ? store.sessions.get(credential.value)?.familyId : undefined;
    if (familyId !== undefined) revokeFamily(store, familyId);
    setRefreshCookie(exchange, '', 0);
    return undefined;
  },

  loadUser: ({ store, user }) => userView(store, user),

  updateUser: ({ store, user }, { body }) => {
    if (body.email !== undefined) {
      const holder = store.userByEmail(body.email);
      if (holder !== undefined && holder.id !== user.id)
        throw conflict(`Email ${body.email} is already registered`, 'name_taken');
    }
    Object.assign(user, Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)));
    user.updatedAt = store.timestamp();
    return userView(store, user);
  },

  changePassword: ({ store, user, credential }, { body }) => {
    if (body.currentPassword !== user.password) {
      throw invalid('currentPassword', 'does not match the current password', 'The password was not changed');
    }
    user.password = body.newPassword;
    user.updatedAt = store.timestamp();
    // Other sessions end (their refresh tokens too); the one that changed the password goes on.
    const familyId = credential.type === 'session' ? store.sessions.get(credential.value)?.familyId : undefined;
    revokeUserSessions(store, user.id, familyId);
    return undefined;
  },

  changePlan: ({ store, user }, { body }) => {
    user.axebowPlan = body.plan;
    user.updatedAt = store.timestamp();
    return userView(store, user);
  },

  deleteUser: ({ store, user, exchange }) => {
    const owned = [...store.tenants.values()].filter((tenant) => store.ownerOf(tenant.id) === user.id);
    if (owned.length > 0) {
      throw conflict(
        `You own tenant ${owned.map((tenant) => tenant.name).join(', ')}; delete it before your user`,
        'has_dependants',
      );
    }
    const organizations = [...store.organizations.values()].filter((item) => item.usersIds.includes(user.id));
    const busy = organizations.find(
      (item) => item.ownerId === user.id && store.tenantsOfOrganization(item.id).length > 0,
    );
    if (busy !== undefined)
      throw conflict(`You own organization ${busy.name}, which has tenants; delete them first`, 'has_dependants');
    for (const organization of organizations) {
      if (organization.ownerId === user.id) store.organizations.delete(organization.id);
      else {
        organization.usersIds = organization.usersIds.filter((id) => id !== user.id);
        organization.updatedAt = store.timestamp();
      }
    }
    for (const membership of store.memberships.filter((item) => item.userId === user.id)) {
      const tenant = store.tenants.get(membership.tenantId);
      if (tenant !== undefined) tenant.updatedAt = store.timestamp();
    }
    store.removeMembers((membership) => membership.userId === user.id);
    revokeUserSessions(store, user.id);
    setRefreshCookie(exchange, '', 0);
    for (const [id, token] of store.tokens) if (token.userId === user.id) store.tokens.delete(id);
    for (const [id, record] of store.notifications) if (record.userId === user.id) store.notifications.delete(id);
    store.users.delete(user.id);
    return undefined;
  },

  createToken: ({ store, user }, { body }) => {
    if (store.roleOf(user.id, body.tenant) === undefined) {
      throw invalid('tenant', `you are not a member of tenant ${body.tenant}`, 'The token was not created');
    }
    if (Date.parse(body.expiration) <= Date.now()) {
      throw invalid('expiration', 'must be in the future', 'The token was not created');
    }
    const taken = [...store.tokens.values()].some((token) => token.userId === user.id && token.name === body.name);
    if (taken) throw conflict(`You already have a token named ${body.name}`, 'name_taken');
    const now = store.timestamp();
    const token = {
      id: store.nextId('tok'),
      userId: user.id,
      name: body.name,
      tenant: body.tenant,
      description: body.description ?? '',
      expiration: body.expiration,
      lastUsed: null,
      secret: randomSecret('aur'),
      createdAt: now,
      updatedAt: now,
    };
    store.tokens.set(token.id, token);
    return { ...tokenView(token), token: token.secret };
  },

  deleteToken: ({ store, user }, { params }) => {
    const token = store.tokens.get(params.tokenId);
    if (token?.userId !== user.id) throw notFound(`Token ${params.tokenId}`);
    store.tokens.delete(token.id);
    return undefined;
  },
} satisfies Handlers<keyof typeof userRoutes>;
