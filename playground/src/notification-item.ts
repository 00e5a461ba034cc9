import type { Notification } from 'aurora-backend-handler';
import { badge, h } from './dom';
import { clock } from './format';

export interface NotificationActions {
  markRead(id: string): void;
  archive(id: string): void;
}

const KIND_ICONS: Record<Notification['kind'], string> = {
  operation_succeeded: '✓',
  operation_failed: '✕',
  instance_crashed: '⚠',
  membership_changed: '☺',
  plan_limit: '▲',
};

/** One notification of the bell's panel: what happened, when, and its actions. */
export function renderNotification(item: Notification, actions: NotificationActions): HTMLElement {
  const unread = item.status === 'unread';
  return h(
    'li',
    {
      class: `notif${unread ? ' notif-unread' : ''}`,
      'data-testid': 'notification',
      'data-id': item.id,
      'data-kind': item.kind,
      'data-status': item.status,
    },
    h('span', { class: `notif-icon kind-${item.kind}`, 'aria-hidden': 'true' }, KIND_ICONS[item.kind]),
    h(
      'div',
      { class: 'notif-body' },
      h('strong', { class: 'notif-title' }, item.title),
      h('span', { class: 'notif-text' }, item.message),
      h(
        'span',
        { class: 'notif-meta muted' },
        badge(item.status, undefined, unread ? 'info' : 'neutral'),
        item.createdAt === undefined
          ? null
          : h('time', { datetime: item.createdAt }, clock(Date.parse(item.createdAt))),
      ),
    ),
    h(
      'div',
      { class: 'notif-actions' },
      unread
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn btn-ghost btn-small',
              'data-testid': 'notification-read',
              onClick: () => actions.markRead(item.id),
            },
            'Mark read',
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-ghost btn-small',
          'data-testid': 'notification-archive',
          onClick: () => actions.archive(item.id),
        },
        'Archive',
      ),
    ),
  );
}
