import { LiveEventSchema, type LiveEvent, type LiveEventOf } from '../../api/contract/live-events';
import type { ReferenceApi } from '../../testing';

// The notification events of a reference API, as the notification tests read them.

type NotificationEvent = LiveEventOf<'notification.created' | 'notification.updated'>;

const isNotificationEvent = (event: LiveEvent): event is NotificationEvent =>
  event.type === 'notification.created' || event.type === 'notification.updated';

/**
 * The notification events published since the start, each validated as `GET /events` sends it (the journal
 * entry's id and event), with the ids of the users it goes to.
 */
export function notificationEvents(api: ReferenceApi): Array<{ event: NotificationEvent; to: string[] }> {
  const entries = api.store.events.since(0);
  if (!Array.isArray(entries)) throw new Error(`the journal answered ${entries}`);
  return entries.flatMap((entry) => {
    const event = LiveEventSchema.parse({ id: String(entry.id), ...entry.event });
    return isNotificationEvent(event) ? [{ event, to: [...entry.audience] }] : [];
  });
}

/** What a notification created directly in the store says (a test's own, of kind `plan_limit`). */
export const draft = (title: string) => ({ kind: 'plan_limit' as const, title, message: `${title}.` });
