import type { StreamRole, StreamStatus } from 'aurora-backend-handler';
import type { Backend } from './backend';
import { h } from './dom';

const STATE_TEXT: Record<StreamStatus['state'], string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting',
  paused: 'Paused while hidden',
  closed: 'Live updates off',
};

const ROLE_TEXT: Record<StreamRole, string> = {
  own: 'own stream',
  leader: 'leader tab',
  follower: 'via leader tab',
};

const ROLE_TITLE: Record<StreamRole, string> = {
  own: 'This tab holds its own GET /events connection',
  leader: 'This tab holds the stream and shares its events with the other tabs',
  follower: 'Another tab holds the stream and relays its events to this one',
};

/**
 * The header's connection indicator, from `stream:status`: the state in words (never by colour alone), the
 * tab's role, and the countdown to the next attempt while reconnecting. The words sit in a polite live
 * region; the countdown ticking every second does not, so a screen reader hears each change once.
 */
export function mountStreamIndicator(root: HTMLElement, backend: Backend): void {
  const dot = h('span', { class: 'live-dot', 'aria-hidden': 'true' });
  const state = h('span', { class: 'live-state', 'data-testid': 'stream-state' });
  const role = h('span', { class: 'live-role', 'data-testid': 'stream-role' });
  const announced = h('span', { class: 'live-words', role: 'status', 'aria-live': 'polite' }, state, role);
  const countdown = h('span', { class: 'live-countdown', 'data-testid': 'stream-countdown', 'aria-live': 'off' });
  const indicator = h('div', { class: 'live-indicator', 'data-testid': 'stream-status' }, dot, announced, countdown);
  let timer: ReturnType<typeof setInterval> | undefined;

  const stopCountdown = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    countdown.textContent = '';
  };
  const startCountdown = (retryInMs: number, attempt: number) => {
    const deadline = Date.now() + retryInMs;
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      countdown.textContent = seconds > 0 ? `in ${seconds} s · attempt ${attempt}` : `now · attempt ${attempt}`;
      if (seconds === 0 && timer !== undefined) clearInterval(timer);
    };
    tick();
    timer = setInterval(tick, 250);
  };

  const render = (status: StreamStatus | undefined) => {
    stopCountdown();
    const current = status?.state ?? 'closed';
    indicator.dataset['state'] = current;
    if (status === undefined) delete indicator.dataset['role'];
    else indicator.dataset['role'] = status.role;
    state.textContent = STATE_TEXT[current];
    const showRole = status !== undefined && current !== 'closed';
    role.textContent = showRole ? ` · ${ROLE_TEXT[status.role]}` : '';
    indicator.title = [
      showRole ? ROLE_TITLE[status.role] : 'No live stream: the page only knows what its own requests brought back',
      status?.lastEventId === undefined ? '' : `last event #${status.lastEventId}`,
      status?.error === undefined ? '' : `last failure: ${status.error.code} ${status.error.message}`,
    ]
      .filter(Boolean)
      .join('\n');
    if (current === 'reconnecting' && status?.retryInMs !== undefined) startCountdown(status.retryInMs, status.attempt);
  };

  backend.bridge.on('stream:status', (status) => render(status));
  render(undefined);
  root.replaceChildren(indicator);
}
