import { createNotificationFeed } from '../bindings/core/index';
import type { Notification } from '../interfaces/notification-interface';
import { buildNotification } from '../testing/factories';
import { createFakeBackend, listenerCounts, type FakeBackend } from './support/fake-backend';

const received = (fake: FakeBackend, notification: Notification) =>
  fake.claim.notify('notification:received', notification, { unread: 1, eventId: notification.id });

const listed = (list: readonly Notification[]) => list.map(({ id, status }) => `${id} ${status}`);

describe('createNotificationFeed', () => {
  it('lists pushed notifications newest first, once each, at most its capacity', () => {
    const fake = createFakeBackend();
    const feed = createNotificationFeed(fake.bridge, 2);
    const changes: string[][] = [];
    feed.subscribe(() => changes.push(listed(feed.getSnapshot())));

    received(fake, buildNotification({ id: 'n1' }));
    received(fake, buildNotification({ id: 'n2' }));
    received(fake, buildNotification({ id: 'n1', status: 'read' }));
    received(fake, buildNotification({ id: 'n3' }));

    expect(changes).toEqual([
      ['n1 unread'],
      ['n2 unread', 'n1 unread'],
      ['n1 read', 'n2 unread'],
      ['n3 unread', 'n1 read'],
    ]);
    expect(Object.isFrozen(feed.getSnapshot())).toBe(true);
  });

  it('follows changes pushed by the stream and answered to this tab; archived ones leave, unknown ones change nothing', () => {
    const fake = createFakeBackend();
    const feed = createNotificationFeed(fake.bridge);
    const [n1, n2] = [buildNotification({ id: 'n1' }), buildNotification({ id: 'n2' })];
    received(fake, n1);
    received(fake, n2);
    const before = feed.getSnapshot();

    fake.claim.notify('stream:event', {
      id: '7',
      type: 'notification.updated',
      data: { notification: buildNotification({ id: 'elsewhere', status: 'read' }), unread: 2 },
    });
    expect(feed.getSnapshot()).toBe(before);

    fake.claim.notify('stream:event', {
      id: '8',
      type: 'notification.updated',
      data: { notification: { ...n1, status: 'read' }, unread: 1 },
    });
    expect(listed(feed.getSnapshot())).toEqual(['n2 unread', 'n1 read']);

    const archive = fake.bridge.emit('archiveNotification', { notificationId: 'n2' });
    fake.claim.succeed(archive, { notification: { ...n2, status: 'archived' }, unread: 0 });
    expect(listed(feed.getSnapshot())).toEqual(['n1 read']);
  });

  it('markAllNotificationsRead marks every listed one read, and changes nothing when none is unread', () => {
    const fake = createFakeBackend();
    const feed = createNotificationFeed(fake.bridge);
    received(fake, buildNotification({ id: 'n1' }));
    received(fake, buildNotification({ id: 'n2', status: 'read' }));
    const all = () => fake.claim.succeed(fake.bridge.emit('markAllNotificationsRead'), { changed: 1, unread: 0 });

    all();
    const afterFirst = feed.getSnapshot();
    all();

    expect(listed(afterFirst)).toEqual(['n2 read', 'n1 read']);
    expect(feed.getSnapshot()).toBe(afterFirst);
  });

  it('dispose() removes every listener it put on the bridge', () => {
    const fake = createFakeBackend();
    const baseline = listenerCounts(fake.bridge);
    const feed = createNotificationFeed(fake.bridge);
    feed.dispose();
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });
});
