import type { Notification } from 'aurora-backend-handler';
import type { Backend } from './backend';
import { h, svg } from './dom';
import { renderNotification, type NotificationActions } from './notification-item';
import type { NotificationsClient } from './notifications-client';
import type { SelectionStore } from './selection-store';
import type { Toasts } from './toasts';

const TONE: Partial<Record<Notification['kind'], 'good' | 'bad'>> = {
  operation_succeeded: 'good',
  operation_failed: 'bad',
  instance_crashed: 'bad',
};

/**
 * The header's bell: the unread count the state tree holds (`state.unreadNotifications`), and a panel that
 * loads the notifications when opened, with mark read, mark all read and archive. A pushed notification
 * (`notification:received`) rings the bell and shows a toast.
 */
export function mountNotificationBell(
  root: HTMLElement,
  backend: Backend,
  store: SelectionStore,
  client: NotificationsClient,
  toasts: Toasts,
): void {
  const count = h('span', { class: 'bell-count', 'data-testid': 'bell-count' });
  const bell = h(
    'button',
    {
      type: 'button',
      class: 'bell',
      'data-testid': 'bell',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-controls': 'notifications-panel',
    },
    svg(
      'svg',
      { class: 'bell-icon', viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true' },
      svg('path', { d: 'M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6zM10 18.5a2 2 0 0 0 4 0' }),
    ),
    count,
  );
  const list = h('ul', { class: 'notif-list', 'data-testid': 'notifications' });
  const message = h('p', { class: 'notif-message muted', 'data-testid': 'notifications-message' });
  const readAll = h(
    'button',
    { type: 'button', class: 'btn btn-ghost btn-small', 'data-testid': 'notifications-read-all' },
    'Mark all read',
  );
  const panel = h(
    'section',
    {
      id: 'notifications-panel',
      class: 'notif-panel',
      role: 'dialog',
      'aria-label': 'Notifications',
      'data-testid': 'notifications-panel',
      hidden: true,
    },
    h('div', { class: 'notif-head' }, h('h2', {}, 'Notifications'), readAll),
    message,
    list,
  );
  let items: Notification[] = [];

  const renderList = () => {
    list.replaceChildren(...items.map((item) => renderNotification(item, actions)));
    if (items.length === 0 && message.dataset['busy'] !== 'true') message.textContent = 'Nothing new.';
    else if (message.dataset['busy'] !== 'true') message.textContent = '';
  };
  const fail = (error: unknown) => {
    message.dataset['busy'] = 'false';
    message.textContent = error instanceof Error ? error.message : String(error);
  };
  const upsert = (notification: Notification) => {
    items =
      notification.status === 'archived'
        ? items.filter((item) => item.id !== notification.id)
        : items.some((item) => item.id === notification.id)
          ? items.map((item) => (item.id === notification.id ? notification : item))
          : [notification, ...items];
    renderList();
  };
  const actions: NotificationActions = {
    markRead: (id) => void client.markRead(id).then((change) => upsert(change.notification), fail),
    archive: (id) => void client.archive(id).then((change) => upsert(change.notification), fail),
  };
  const load = () => {
    message.dataset['busy'] = 'true';
    message.textContent = 'Loading…';
    client.load().then((page) => {
      message.dataset['busy'] = 'false';
      items = page.items;
      renderList();
    }, fail);
  };
  const setOpen = (open: boolean) => {
    if (open === !panel.hidden) return;
    panel.hidden = !open;
    bell.setAttribute('aria-expanded', String(open));
    if (open) load();
  };

  readAll.addEventListener('click', () => {
    void client.markAllRead().then(() => {
      items = items.map((item) => (item.status === 'unread' ? { ...item, status: 'read' } : item));
      renderList();
    }, fail);
  });
  bell.addEventListener('click', () => setOpen(panel.hidden));
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) setOpen(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || panel.hidden) return;
    setOpen(false);
    bell.focus();
  });

  const renderCount = () => {
    const unread = store.user?.unreadNotifications ?? 0;
    bell.hidden = store.user === null;
    count.textContent = unread > 99 ? '99+' : String(unread);
    count.dataset['count'] = String(unread);
    count.hidden = unread === 0;
    bell.setAttribute('aria-label', `Notifications: ${unread} unread`);
    if (store.user === null) setOpen(false);
  };
  store.subscribe((change) => change.user && renderCount());
  backend.bridge.on('notification:received', (notification) => {
    toasts.show(notification.title, notification.message, TONE[notification.kind]);
    // Added a frame after the removal, so a second notification in a row rings again.
    bell.classList.remove('bell-ring');
    requestAnimationFrame(() => bell.classList.add('bell-ring'));
    if (!panel.hidden) upsert(notification);
  });
  // Another tab (or session) read or archived one: the open panel follows.
  backend.bridge.on('stream:event', (event) => {
    if (event.type === 'notification.updated' && !panel.hidden) upsert(event.data.notification);
  });
  root.classList.add('bell-wrap');
  root.replaceChildren(bell, panel);
  renderCount();
}
