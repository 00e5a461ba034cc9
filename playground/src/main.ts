// The playground: a cloud-console-like page driving the built aurora-backend-handler against the reference API.
import { followCreations } from './auto-select';
import { createBackend } from './backend';
import { mountDetails } from './details-view';
import { byId, h } from './dom';
import { mountHeader } from './header-view';
import { mountLayout } from './layout';
import { mountLiveLane } from './live-lane';
import { mountNotificationBell } from './notification-bell';
import { createNotificationsClient } from './notifications-client';
import { renderLogin } from './login-view';
import { mountRequests } from './requests-panel';
import { SelectionStore } from './selection-store';
import { mountStreamIndicator } from './stream-indicator';
import { mountTimeline } from './timeline-view';
import { Toasts } from './toasts';
import { mountTree } from './tree-view';

// `?live-capacity=5` makes the "Pushed" lane, `?timeline-capacity=5` the timeline, drop their oldest entries
// early (tests, demos).
const capacity = (name: string): number | undefined => {
  const value = Number(new URLSearchParams(window.location.search).get(name));
  return Number.isInteger(value) && value > 0 ? value : undefined;
};
const backend = createBackend(undefined, capacity('live-capacity'), capacity('timeline-capacity'));
const store = new SelectionStore();
// The tree is the handler's: every success that changes it emits state:changed with the new snapshot.
backend.bridge.on('state:changed', () => store.setUser(backend.handler.getState()));
followCreations(backend, store);

const layout = mountLayout({ layout: byId('layout'), tabs: byId('pane-tabs'), tree: byId('tree') }, backend.timeline);
const toasts = new Toasts();
const indicator = h('div', { class: 'header-live' });
const bell = h('div');
mountStreamIndicator(indicator, backend);
mountNotificationBell(bell, backend, store, createNotificationsClient(backend), toasts);
mountHeader(byId('header'), backend, store, [layout.timelineToggle, indicator, bell]);
mountTree(byId('tree'), store);
const requestTimeline = h('div', { class: 'tl-requests' });
const liveLane = h('section', { class: 'live-lane', 'data-testid': 'live-lane' });
mountTimeline(requestTimeline, backend.timeline, [layout.closeTimeline]);
mountLiveLane(liveLane, backend.live);
byId('timeline').replaceChildren(requestTimeline, liveLane);
document.body.append(toasts.element);

const login = h('div', { class: 'login-wrap' }, renderLogin(backend));
const details = h('section', { class: 'details-area' });
const operationsPanel = h('section', { class: 'operations', 'data-testid': 'operations' });
mountDetails(details, backend, store);
mountRequests(operationsPanel, backend, store);
byId('center').replaceChildren(login, details, operationsPanel);

const showSignedIn = () => {
  const signedIn = store.user !== null;
  login.hidden = signedIn;
  details.hidden = !signedIn;
  operationsPanel.hidden = !signedIn;
};
store.subscribe(showSignedIn);
showSignedIn();
// A reload keeps no token in the page: the first call meets 401 and the refresh cookie renews the session.
// Without a cookie (never signed in, or signed out) it fails and the sign-in form stays.
void backend.send('loadUser', undefined).catch(() => undefined);
document.body.dataset['ready'] = 'true';
