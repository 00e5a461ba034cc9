import { notify } from '../testing/reference-api/notifications';
import { draft } from './support/notification-events';
import { statePayloads } from './support/ops-fixtures';
import { setupReference, useReferenceApi, type ReferenceContext } from './support/reference';
import { SEED } from './support/reference-seed';

useReferenceApi();

const { demo, viewer } = SEED.users;

/** A signed-in demo user who had `count` unread notifications (`Note 1`, ...) before signing in. */
async function withNotifications(count: number): Promise<ReferenceContext> {
  const context = setupReference();
  for (let index = 1; index <= count; index++) notify(context.api.store, [demo], draft(`Note ${index}`));
  await context.signIn();
  return context;
}

describe('loadNotifications', () => {
  it('answers the signed-in user’s notifications, newest first, and leaves the tree as it is', async () => {
    const { bridge, handler, log, httpCalls } = await withNotifications(2);
    const before = handler.getState();

    const page = await bridge.request('loadNotifications', {});

    expect(before?.unreadNotifications).toBe(2);
    expect(page.totalCount).toBe(2);
    expect(page.items.map(({ title, status }) => [title, status])).toEqual([
      ['Note 2', 'unread'],
      ['Note 1', 'unread'],
    ]);
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['loadNotifications', 'loadNotifications:success']);
    expect(httpCalls).toEqual(['GET /api/notifications']);
  });

  it('filters, sorts and pages with the list query', async () => {
    const { bridge } = await withNotifications(3);
    await bridge.request('markNotificationRead', { notificationId: 'ntf-2' });

    const page = await bridge.request('loadNotifications', {
      query: {
        filter: { operator: 'and', filters: [{ field: 'status', operator: 'eq', value: 'unread' }] },
        sort: [{ field: 'createdAt', direction: 'asc' }],
        limit: 1,
      },
    });

    expect(page).toMatchObject({ totalCount: 2, items: [{ id: 'ntf-1', title: 'Note 1' }] });
  });

  it('refuses an unknown query field with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, expectError } = await withNotifications(0);

    const error = await expectError(bridge.request('loadNotifications', { query: { page: 2 } } as never));

    expect(error.code).toBe('VALIDATION');
    expect(httpCalls).toEqual([]);
  });
});

describe('markNotificationRead', () => {
  it('marks one read: the tree’s unread count becomes the one the API answered, nothing else changes', async () => {
    const { bridge, handler, log } = await withNotifications(2);
    const before = handler.getState();

    const answer = await bridge.request('markNotificationRead', { notificationId: 'ntf-1' });

    expect(answer).toMatchObject({ notification: { id: 'ntf-1', status: 'read' }, unread: 1 });
    expect(handler.getState()?.unreadNotifications).toBe(1);
    expect(handler.getState()?.tenants).toBe(before?.tenants);
    expect(log.names()).toEqual(['markNotificationRead', 'state:changed', 'markNotificationRead:success']);
    expect(statePayloads(log.entries)).toEqual([handler.getState()]);
  });

  it('a notification already read changes nothing: the same answer and no state:changed', async () => {
    const { bridge, clearLog, handler, log } = await withNotifications(1);
    const first = await bridge.request('markNotificationRead', { notificationId: 'ntf-1' });
    const before = handler.getState();
    clearLog();

    const again = await bridge.request('markNotificationRead', { notificationId: 'ntf-1' });

    expect(again).toEqual(first);
    expect(handler.getState()).toBe(before);
    expect(log.names()).toEqual(['markNotificationRead', 'markNotificationRead:success']);
  });

  it('takes the API’s count even when notifications arrived since the tree was loaded', async () => {
    const { api, bridge, handler } = await withNotifications(1);
    notify(api.store, [demo], draft('Newer'));
    await bridge.request('markNotificationRead', { notificationId: 'ntf-1' });

    expect(handler.getState()?.unreadNotifications).toBe(1);
  });

  it('another user’s notification is NOT_FOUND (404) and the tree stays as it was', async () => {
    const { api, bridge, handler, expectError } = await withNotifications(1);
    notify(api.store, [viewer], draft('Not yours'));
    const before = handler.getState();

    const error = await expectError(bridge.request('markNotificationRead', { notificationId: 'ntf-2' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, path: '/notifications/ntf-2/read' });
    expect(handler.getState()).toBe(before);
  });

  it('refuses an empty id with VALIDATION before any HTTP call', async () => {
    const { bridge, httpCalls, expectError } = await withNotifications(0);

    const error = await expectError(bridge.request('markNotificationRead', { notificationId: '' }));

    expect(error.code).toBe('VALIDATION');
    expect(error.details.map(({ path }) => path)).toEqual(['notificationId']);
    expect(httpCalls).toEqual([]);
  });
});

describe('markAllNotificationsRead', () => {
  it('marks every unread one read: the payload counts them and the tree’s count is 0', async () => {
    const { bridge, handler, log, httpCalls } = await withNotifications(3);

    const answer = await bridge.request('markAllNotificationsRead', undefined);

    expect(answer).toEqual({ changed: 3, unread: 0 });
    expect(handler.getState()?.unreadNotifications).toBe(0);
    expect(log.names()).toEqual(['markAllNotificationsRead', 'state:changed', 'markAllNotificationsRead:success']);
    expect(httpCalls).toEqual(['POST /api/notifications/read']);
  });

  it('with nothing unread it changes nothing: no state:changed', async () => {
    const { bridge, log } = await withNotifications(0);

    const answer = await bridge.request('markAllNotificationsRead', undefined);

    expect(answer).toEqual({ changed: 0, unread: 0 });
    expect(log.names()).toEqual(['markAllNotificationsRead', 'markAllNotificationsRead:success']);
  });
});

describe('archiveNotification', () => {
  it('archives an unread one, which lowers the count; archiving a read one leaves the count', async () => {
    const { bridge, handler } = await withNotifications(2);

    const unread = await bridge.request('archiveNotification', { notificationId: 'ntf-1' });
    await bridge.request('markNotificationRead', { notificationId: 'ntf-2' });
    const read = await bridge.request('archiveNotification', { notificationId: 'ntf-2' });

    expect(unread).toMatchObject({ notification: { id: 'ntf-1', status: 'archived' }, unread: 1 });
    expect(read).toMatchObject({ notification: { id: 'ntf-2', status: 'archived' }, unread: 0 });
    expect(handler.getState()?.unreadNotifications).toBe(0);
  });

  it('an unknown id is NOT_FOUND (404)', async () => {
    const { bridge, expectError } = await withNotifications(0);

    const error = await expectError(bridge.request('archiveNotification', { notificationId: 'ntf-404' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
