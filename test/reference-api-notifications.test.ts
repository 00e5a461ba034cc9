import { listResponseSchema } from '../api/contract/list-query';
import { NotificationSchema } from '../interfaces/notification-interface';
import { freemiumCredentials, labsOwnerCredentials, viewerCredentials } from '../testing';
import { MAX_NOTIFICATIONS_PER_USER, notify } from '../testing/reference-api/notifications';
import { referenceClient, signedInClient } from './support/reference-client';
import { draft, notificationEvents } from './support/notification-events';
import { blogSpec, SEED } from './support/reference-seed';

const { demo, viewer, free, sam } = SEED.users;
const { prod, labs, fran } = SEED.tenants;
const NotificationPage = listResponseSchema(NotificationSchema);

describe('reference API notifications of operations', () => {
  it('a deploy that ends leaves the user who started it one unread notification, pushed to them only', async () => {
    const { api, call, token } = await signedInClient();

    const accepted = await call('deployService', { token, params: { tenantId: prod }, body: blogSpec() });

    const operation = accepted.body as { id: string; target: { id: string } };
    const events = notificationEvents(api);
    expect(events).toEqual([
      {
        to: [demo],
        event: {
          id: expect.any(String) as string,
          type: 'notification.created',
          data: {
            unread: 1,
            notification: {
              id: 'ntf-1',
              kind: 'operation_succeeded',
              status: 'unread',
              title: 'Deployment of service blog succeeded',
              message: `Operation ${operation.id} (deployService) succeeded.`,
              tenant: prod,
              target: { type: 'service', id: operation.target.id },
              createdAt: expect.any(String) as string,
              updatedAt: expect.any(String) as string,
            },
          },
        },
      },
    ]);
    expect((await call('loadUser', { token })).body).toMatchObject({ unreadNotifications: 1 });
  });

  it('a deploy whose image cannot be pulled leaves an operation_failed notification saying why', async () => {
    const { api, call, token } = await signedInClient();

    await call('deployService', {
      token,
      params: { tenantId: prod },
      body: blogSpec({ imageName: 'northwind/fail:1' }),
    });

    const [created] = notificationEvents(api);
    expect(created?.event.data).toMatchObject({
      notification: {
        kind: 'operation_failed',
        title: 'Deployment of service blog failed',
        message: expect.stringContaining('could not be pulled') as string,
      },
    });
  });

  it('an operation that takes time tells its user when it ends, not when it is accepted', async () => {
    jest.useFakeTimers({ now: new Date('2026-04-01T10:00:00.000Z') });
    try {
      const { api, call, token } = await signedInClient({ operationDurationMs: 1000 });
      await call('restartService', { token, params: { tenantId: prod, serviceId: SEED.services.shop } });
      expect(notificationEvents(api)).toEqual([]);

      jest.advanceTimersByTime(1000);
      await call('loadUser', { token });

      expect(notificationEvents(api).map(({ event }) => event.data.notification.title)).toEqual([
        'Restart of service shop succeeded',
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a deletion names the service it deleted, and a restarted instance is the target of its notification', async () => {
    const { api, call, token } = await signedInClient();
    const instance = SEED.shopFrontendInstances[0] ?? '';

    await call('restartInstance', {
      token,
      params: { tenantId: prod, serviceId: SEED.services.shop, instanceId: instance },
    });
    await call('deleteService', { token, params: { tenantId: prod, serviceId: SEED.services.analytics } });

    expect(notificationEvents(api).map(({ event }) => event.data.notification)).toMatchObject([
      {
        title: expect.stringMatching(/^Restart of instance .+ of shop succeeded$/) as string,
        target: { type: 'instance', id: instance },
      },
      { title: 'Deletion of service analytics succeeded', target: { type: 'service', id: SEED.services.analytics } },
    ]);
  });
});

describe('reference API notifications of plans, memberships and crashes', () => {
  it('a deploy refused for the freemium plan leaves who asked a plan_limit notification', async () => {
    const { api, call, login } = referenceClient();
    const token = await login(freemiumCredentials);

    const refused = await call('deployService', {
      token,
      params: { tenantId: fran },
      body: blogSpec({
        environment: SEED.environments.dev,
        account: SEED.accounts.franCloud,
        resources: [],
        roles: [{ name: 'web', cpu: 1, memory: 512 }],
        maxReplicas: 2,
      }),
    });

    expect(refused.status).toBe(400);
    expect(notificationEvents(api)).toMatchObject([
      {
        to: [free],
        event: {
          data: {
            unread: 1,
            notification: { kind: 'plan_limit', title: 'The deployment exceeds the freemium plan', tenant: fran },
          },
        },
      },
    ]);
  });

  it('inviting, changing the role of and removing a member tells that member, never the admin who did it', async () => {
    const { api, call, token } = await signedInClient();

    await call('inviteTenantUser', {
      token,
      params: { tenantId: prod },
      body: { email: freemiumCredentials.email, role: 'member' },
    });
    await call('changeTenantUserRole', { token, params: { tenantId: prod, userId: free }, body: { role: 'admin' } });
    await call('removeTenantUser', { token, params: { tenantId: prod, userId: free } });

    expect(
      notificationEvents(api).map(({ event, to }) => [
        to,
        event.data.notification.kind,
        event.data.notification.message,
      ]),
    ).toEqual([
      [[free], 'membership_changed', 'You were added to tenant northwind-prod as member.'],
      [[free], 'membership_changed', 'Your role in tenant northwind-prod is now admin.'],
      [[free], 'membership_changed', 'You were removed from tenant northwind-prod.'],
    ]);
  });

  it('a member who leaves a tenant or an organization on their own is not told', async () => {
    const { api, call, login } = referenceClient();
    const token = await login(viewerCredentials);

    await call('removeTenantUser', { token, params: { tenantId: labs, userId: viewer } });
    await call('removeOrganizationMember', {
      token,
      params: { organizationId: SEED.organizations.northwind, userId: viewer },
    });

    expect(notificationEvents(api)).toEqual([]);
  });

  it('adding a user to an organization and removing them tells them', async () => {
    const { api, call, token } = await signedInClient();
    const organizationId = SEED.organizations.northwind;

    await call('addOrganizationMember', {
      token,
      params: { organizationId },
      body: { email: freemiumCredentials.email },
    });
    await call('removeOrganizationMember', { token, params: { organizationId, userId: free } });

    expect(notificationEvents(api).map(({ event, to }) => [to, event.data.notification.title])).toEqual([
      [[free], 'You joined organization Northwind Labs'],
      [[free], 'Removed from organization Northwind Labs'],
    ]);
  });

  it('crashInstance fails the instance with a newer version, degrades its service and tells every tenant member', async () => {
    const { api, call, token } = await signedInClient();
    const instanceId = SEED.shopFrontendInstances[0] ?? '';
    const service = () => api.store.services.get(SEED.services.shop);
    const before = { service: service()?.updatedAt ?? '', instance: service()?.instances[0]?.updatedAt ?? '' };

    api.crashInstance(instanceId);

    const crashed = service();
    expect(crashed?.status).toBe('degraded');
    expect(crashed?.instances.find((item) => item.id === instanceId)?.status).toBe('failed');
    expect(Date.parse(crashed?.updatedAt ?? '')).toBeGreaterThan(Date.parse(before.service));
    expect(Date.parse(crashed?.instances[0]?.updatedAt ?? '')).toBeGreaterThan(Date.parse(before.instance));
    const events = notificationEvents(api);
    expect(events.map(({ to }) => to)).toEqual([[demo], [viewer], [sam]]);
    expect(events[0]?.event.data.notification).toMatchObject({
      kind: 'instance_crashed',
      tenant: prod,
      target: { type: 'instance', id: instanceId },
    });
    const shop = (await call('getService', { token, params: { tenantId: prod, serviceId: SEED.services.shop } })).body;
    expect(shop).toMatchObject({ status: 'degraded' });
    expect(() => api.crashInstance('inst-nope')).toThrow('No service has instance inst-nope');
  });

  it('a deleted user’s notifications go with them', async () => {
    const { api, call, login } = referenceClient();
    notify(api.store, [viewer], draft('Soon gone'));
    const token = await login(viewerCredentials);

    expect((await call('deleteUser', { token })).status).toBe(204);

    expect(api.store.notifications.size).toBe(0);
  });

  it('a user who turned notifications off gets none', async () => {
    const { api, call, token } = await signedInClient();
    await call('updateUser', { token, body: { notificationsEnabled: false } });

    await call('deployService', { token, params: { tenantId: prod }, body: blogSpec() });
    api.crashInstance(SEED.shopFrontendInstances[0] ?? '');

    expect(notificationEvents(api).map(({ to }) => to)).toEqual([[viewer], [sam]]);
  });
});

describe('reference API notification routes', () => {
  async function withNotifications(count: number) {
    const client = await signedInClient();
    for (let index = 1; index <= count; index++) notify(client.api.store, [demo], draft(`Note ${index}`));
    const load = async (query: Record<string, string> = {}) =>
      NotificationPage.parse((await client.call('loadNotifications', { token: client.token, query })).body);
    return { ...client, load };
  }

  it('loadNotifications lists the caller’s own, newest first, and filters, sorts and pages like every list', async () => {
    const { api, load } = await withNotifications(3);
    notify(api.store, [viewer], draft('Not yours'));

    const all = await load();
    const unread = await load({
      filter: JSON.stringify({ operator: 'and', filters: [{ field: 'status', operator: 'eq', value: 'unread' }] }),
      sort: 'createdAt',
      limit: '2',
      offset: '1',
    });

    expect(all.items.map(({ title }) => title)).toEqual(['Note 3', 'Note 2', 'Note 1']);
    expect(all.totalCount).toBe(3);
    expect(unread).toMatchObject({ totalCount: 3, items: [{ title: 'Note 2' }, { title: 'Note 3' }] });
  });

  it('markNotificationRead and archiveNotification answer the notification and the unread count, and push it', async () => {
    const { api, call, token } = await withNotifications(2);
    const published = api.store.events.lastId;

    const read = await call('markNotificationRead', { token, params: { notificationId: 'ntf-1' } });
    const archived = await call('archiveNotification', { token, params: { notificationId: 'ntf-2' } });

    expect(read.body).toMatchObject({ notification: { id: 'ntf-1', status: 'read' }, unread: 1 });
    expect(archived.body).toMatchObject({ notification: { id: 'ntf-2', status: 'archived' }, unread: 0 });
    expect(notificationEvents(api).filter(({ event }) => Number(event.id) > published)).toEqual([
      { to: [demo], event: { id: expect.any(String) as string, type: 'notification.updated', data: read.body } },
      { to: [demo], event: { id: expect.any(String) as string, type: 'notification.updated', data: archived.body } },
    ]);
  });

  it('a repeated change answers the same and pushes nothing; reading an archived one leaves it archived', async () => {
    const { api, call, token } = await withNotifications(1);
    const first = await call('archiveNotification', { token, params: { notificationId: 'ntf-1' } });
    const published = api.store.events.lastId;

    const again = await call('archiveNotification', { token, params: { notificationId: 'ntf-1' } });
    const read = await call('markNotificationRead', { token, params: { notificationId: 'ntf-1' } });

    expect(again.body).toEqual(first.body);
    expect(read.body).toEqual(first.body);
    expect(api.store.events.lastId).toBe(published);
  });

  it('markAllNotificationsRead marks every unread one and pushes one notification.updated per change', async () => {
    const { api, call, token, load } = await withNotifications(3);
    await call('markNotificationRead', { token, params: { notificationId: 'ntf-2' } });
    const published = api.store.events.lastId;

    const all = await call('markAllNotificationsRead', { token });
    const none = await call('markAllNotificationsRead', { token });

    expect(all.body).toEqual({ changed: 2, unread: 0 });
    expect(none.body).toEqual({ changed: 0, unread: 0 });
    const pushed = notificationEvents(api).filter(({ event }) => Number(event.id) > published);
    expect(pushed.map(({ event, to }) => [to, event.type, event.data.notification.id, event.data.unread])).toEqual([
      [[demo], 'notification.updated', 'ntf-1', 0],
      [[demo], 'notification.updated', 'ntf-3', 0],
    ]);
    expect((await load()).items.map(({ status }) => status)).toEqual(['read', 'read', 'read']);
  });

  it('another user’s notification is 404 like an unknown id, and stays as it was', async () => {
    const { api, call, login } = referenceClient();
    notify(api.store, [demo], draft('Private'));
    const token = await login(labsOwnerCredentials);

    const read = await call('markNotificationRead', { token, params: { notificationId: 'ntf-1' } });
    const archive = await call('archiveNotification', { token, params: { notificationId: 'ntf-1' } });
    const unknown = await call('archiveNotification', { token, params: { notificationId: 'ntf-99' } });

    expect([read.status, archive.status, unknown.status]).toEqual([404, 404, 404]);
    expect(read.body).toMatchObject({ code: 'NOT_FOUND', message: 'Notification ntf-1 not found' });
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', message: 'Notification ntf-99 not found' });
    expect(api.store.notifications.get('ntf-1')?.status).toBe('unread');
  });

  it(`keeps at most ${MAX_NOTIFICATIONS_PER_USER} per user: the oldest archived go first, then read, then unread`, async () => {
    const { api, call, token, load } = await withNotifications(MAX_NOTIFICATIONS_PER_USER);
    await call('archiveNotification', { token, params: { notificationId: 'ntf-300' } });
    await call('markNotificationRead', { token, params: { notificationId: 'ntf-400' } });

    notify(api.store, [demo], draft('One more'));
    notify(api.store, [demo], draft('And another'));
    notify(api.store, [demo], draft('And a third'));

    const kept = await load({ limit: '1000' });
    expect(kept.totalCount).toBe(MAX_NOTIFICATIONS_PER_USER);
    const ids = new Set(kept.items.map(({ id }) => id));
    expect(['ntf-300', 'ntf-400', 'ntf-1'].filter((id) => ids.has(id))).toEqual([]);
    expect(ids.has('ntf-2')).toBe(true);
    expect(kept.items[0]?.title).toBe('And a third');
  });
});

describe('reference API notification events', () => {
  it('every notification event validates as a pushed event and goes to the notification’s owner alone', async () => {
    const { api, call, token } = await signedInClient();
    await call('deployService', { token, params: { tenantId: prod }, body: blogSpec() });
    api.crashInstance(SEED.shopFrontendInstances[0] ?? '');
    await call('markAllNotificationsRead', { token });
    await call('archiveNotification', { token, params: { notificationId: 'ntf-1' } });

    const events = notificationEvents(api);

    expect(events.length).toBe(7);
    for (const { event, to } of events) {
      const owner = api.store.notifications.get(event.data.notification.id)?.userId;
      expect(to).toEqual([owner]);
    }
    const unreadOfDemo = events.filter(({ to }) => to[0] === demo).map(({ event }) => [event.type, event.data.unread]);
    expect(unreadOfDemo).toEqual([
      ['notification.created', 1],
      ['notification.created', 2],
      ['notification.updated', 0],
      ['notification.updated', 0],
      ['notification.updated', 0],
    ]);
  });
});
