import { createTestBackend, type TestBackend } from '../testing';
import { notify } from '../testing/reference-api/notifications';
import { draft, notificationEvents } from './support/notification-events';
import { expectError } from './support/reference';
import { blogForm, SEED } from './support/reference-seed';

// The notifications lifecycle as a WUI sees it: the handler on a real loopback reference server.

const { demo, viewer } = SEED.users;
const { prod } = SEED.tenants;

describe('notifications lifecycle through the handler (loopback reference server)', () => {
  let backend: TestBackend;
  beforeEach(async () => {
    backend = await createTestBackend();
    await backend.signIn();
  });
  afterEach(() => backend.dispose());

  const unreadInTree = () => backend.handler.getState()?.unreadNotifications;

  it('a finished deploy is an unread notification: listed, then read, and the tree’s unread count follows', async () => {
    const { bridge } = backend;
    await bridge.request('deployService', blogForm(), { until: 'completed' });
    await bridge.request('loadUser');
    expect(unreadInTree()).toBe(1);

    const page = await bridge.request('loadNotifications', {});
    const [notification] = page.items;
    expect(page.totalCount).toBe(1);
    expect(notification).toMatchObject({ kind: 'operation_succeeded', status: 'unread', tenant: prod });

    const read = await bridge.request('markNotificationRead', { notificationId: notification?.id ?? '' });

    expect(read).toMatchObject({ notification: { id: notification?.id, status: 'read' }, unread: 0 });
    expect(unreadInTree()).toBe(0);
  });

  it('markAllNotificationsRead brings the tree’s count to 0; an archived one is listed by its status', async () => {
    const { api, bridge } = backend;
    await bridge.request('deployService', blogForm(), { until: 'completed' });
    api.crashInstance(SEED.shopFrontendInstances[0] ?? '');
    await bridge.request('loadUser');
    expect(unreadInTree()).toBe(2);

    const all = await bridge.request('markAllNotificationsRead', undefined);
    expect(all).toEqual({ changed: 2, unread: 0 });
    expect(unreadInTree()).toBe(0);

    const archived = await bridge.request('archiveNotification', { notificationId: 'ntf-2' });
    const listed = await bridge.request('loadNotifications', {
      query: { filter: { operator: 'and', filters: [{ field: 'status', operator: 'eq', value: 'archived' }] } },
    });

    expect(archived).toMatchObject({ notification: { id: 'ntf-2', kind: 'instance_crashed', status: 'archived' } });
    expect(listed.items.map(({ id }) => id)).toEqual(['ntf-2']);
  });

  it('another user’s notification is NOT_FOUND and leaves the tree as it was', async () => {
    const { api, bridge, handler } = backend;
    const [theirs] = notify(api.store, [viewer], draft('Not yours'));
    const before = handler.getState();

    const error = await expectError(bridge.request('markNotificationRead', { notificationId: theirs?.id ?? '' }));

    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(handler.getState()).toBe(before);
    expect(api.store.notifications.get(theirs?.id ?? '')?.status).toBe('unread');
  });

  it('publishes each change to the notification’s owner alone, as events GET /events validates', async () => {
    const { api, bridge } = backend;
    await bridge.request('deployService', blogForm(), { until: 'completed' });
    notify(api.store, [viewer], draft('For the viewer'));
    await bridge.request('markNotificationRead', { notificationId: 'ntf-1' });
    await bridge.request('archiveNotification', { notificationId: 'ntf-1' });

    expect(notificationEvents(api).map(({ event, to }) => [event.type, to, event.data.notification.status])).toEqual([
      ['notification.created', [demo], 'unread'],
      ['notification.created', [viewer], 'unread'],
      ['notification.updated', [demo], 'read'],
      ['notification.updated', [demo], 'archived'],
    ]);
  });
});
