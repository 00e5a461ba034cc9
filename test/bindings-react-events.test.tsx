/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { StreamStatus } from '../api/stream/stream-status';
import { BackendError } from '../errors/backend-error';
import { BackendProvider, useEvent, useNotifications, useStreamStatus } from '../react';
import { buildNotification, buildUser } from '../testing/factories';
import { createFakeBackend, listenerCounts, type FakeBackend } from './support/fake-backend';

function wrapperOf(fake: FakeBackend) {
  return ({ children }: { children: ReactNode }) => (
    <BackendProvider backend={fake.backend}>{children}</BackendProvider>
  );
}

describe('useEvent', () => {
  it('calls the latest listener with the typed arguments, subscribed once across renders, and unsubscribes on unmount', () => {
    const fake = createFakeBackend();
    const baseline = fake.bridge.listenerCount('operation:failed');
    const calls: string[] = [];
    const { rerender, unmount } = renderHook(
      ({ label }: { label: string }) =>
        useEvent('updateUser:success', (user, meta) => void calls.push(`${label}: ${user.name} (${meta.name})`)),
      { wrapper: wrapperOf(fake), initialProps: { label: 'first' } },
    );
    expect(fake.bridge.listenerCount('updateUser:success')).toBe(1);
    rerender({ label: 'second' });
    expect(fake.bridge.listenerCount('updateUser:success')).toBe(1);

    const requestId = fake.bridge.emit('updateUser', { name: 'Ada' });
    fake.claim.succeed(requestId, buildUser({ name: 'Ada' }));
    unmount();
    const afterUnmount = fake.bridge.emit('updateUser', { name: 'Grace' });
    fake.claim.succeed(afterUnmount, buildUser({ name: 'Grace' }));

    expect(calls).toEqual(['second: Ada (updateUser)']);
    expect(fake.bridge.listenerCount('updateUser:success')).toBe(0);
    expect(fake.bridge.listenerCount('operation:failed')).toBe(baseline);
  });

  it('moves to another event when the name changes', () => {
    const fake = createFakeBackend();
    const calls: string[] = [];
    const { rerender } = renderHook(
      ({ event }: { event: 'session:expired' | 'state:changed' }) => useEvent(event, () => void calls.push(event)),
      { wrapper: wrapperOf(fake), initialProps: { event: 'session:expired' as 'session:expired' | 'state:changed' } },
    );
    rerender({ event: 'state:changed' });
    act(() => fake.setState(buildUser()));
    expect(calls).toEqual(['state:changed']);
    expect(fake.bridge.listenerCount('session:expired')).toBe(0);
  });
});

describe('useStreamStatus', () => {
  it('starts with the status the handler holds and follows stream:status', () => {
    const fake = createFakeBackend();
    const open: StreamStatus = { state: 'open', role: 'own', attempt: 0, lastEventId: '41' };
    act(() => fake.setStreamStatus(open));
    const { result } = renderHook(() => useStreamStatus(), { wrapper: wrapperOf(fake) });
    expect(result.current).toBe(open);

    const reconnecting: StreamStatus = { state: 'reconnecting', role: 'own', attempt: 1, retryInMs: 500 };
    act(() => fake.setStreamStatus(reconnecting));
    expect(result.current).toBe(reconnecting);
  });
});

describe('useNotifications', () => {
  it('reads the unread count from the tree (0 signed out) and lists pushed notifications newest first', () => {
    const fake = createFakeBackend(null);
    const { result } = renderHook(() => useNotifications(), { wrapper: wrapperOf(fake) });
    expect(result.current.unread).toBe(0);
    expect(result.current.received).toEqual([]);

    const first = buildNotification({ id: 'ntf-1' });
    const second = buildNotification({ id: 'ntf-2', title: 'Instance web-0 crashed' });
    act(() => {
      fake.setState(buildUser({ unreadNotifications: 2 }));
      fake.claim.notify('notification:received', first, { unread: 1, eventId: '1' });
      fake.claim.notify('notification:received', second, { unread: 2, eventId: '2' });
    });
    expect(result.current.unread).toBe(2);
    expect(result.current.received.map((notification) => notification.id)).toEqual(['ntf-2', 'ntf-1']);
  });

  it('marks read, marks all read and archives through the bridge, resolving outcomes and updating the list', async () => {
    const fake = createFakeBackend(buildUser({ unreadNotifications: 2 }));
    const { result } = renderHook(() => useNotifications(), { wrapper: wrapperOf(fake) });
    const [first, second] = [buildNotification({ id: 'ntf-1' }), buildNotification({ id: 'ntf-2' })];
    act(() => {
      fake.claim.notify('notification:received', first, { unread: 1, eventId: '1' });
      fake.claim.notify('notification:received', second, { unread: 2, eventId: '2' });
    });
    const { markRead, markAllRead, archive } = result.current;

    const read = markRead('ntf-1');
    expect(fake.last('markNotificationRead').input).toEqual({ notificationId: 'ntf-1' });
    const change = { notification: { ...first, status: 'read' as const }, unread: 1 };
    await act(async () => {
      fake.claim.succeed(fake.last('markNotificationRead').requestId, change);
      await read;
    });
    await expect(read).resolves.toEqual({ ok: true, data: change });
    expect(result.current.received.map(({ id, status }) => `${id} ${status}`)).toEqual(['ntf-2 unread', 'ntf-1 read']);

    const all = markAllRead();
    await act(async () => {
      fake.claim.succeed(fake.last('markAllNotificationsRead').requestId, { changed: 1, unread: 0 });
      await all;
    });
    expect(result.current.received.map(({ status }) => status)).toEqual(['read', 'read']);

    const archived = archive('ntf-2');
    await act(async () => {
      const change2 = { notification: { ...second, status: 'archived' as const }, unread: 0 };
      fake.claim.succeed(fake.last('archiveNotification').requestId, change2);
      await archived;
    });
    expect(result.current.received.map(({ id }) => id)).toEqual(['ntf-1']);
    expect(result.current.markRead).toBe(markRead);
  });

  it('resolves a failed action as an outcome, never a rejection', async () => {
    const fake = createFakeBackend(buildUser());
    const baseline = listenerCounts(fake.bridge);
    const { result, unmount } = renderHook(() => useNotifications(), { wrapper: wrapperOf(fake) });
    const read = result.current.markRead('ntf-404');
    fake.claim.fail(
      fake.last('markNotificationRead').requestId,
      new BackendError({ code: 'NOT_FOUND', message: 'no notification ntf-404' }),
    );
    const outcome = await read;
    expect(!outcome.ok && outcome.error.code).toBe('NOT_FOUND');
    unmount();
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });
});
