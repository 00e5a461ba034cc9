// The playground: a cloud-console-like page driving the built aurora-backend-handler against the reference API.
import { followCreations } from './auto-select';
import { createBackend } from './backend';
import { mountDetails } from './details-view';
import { byId, h } from './dom';
import { mountHeader } from './header-view';
import { renderLogin } from './login-view';
import { mountRequests } from './requests-panel';
import { SelectionStore } from './selection-store';
import { mountTimeline } from './timeline-view';
import { mountTree } from './tree-view';

const backend = createBackend();
const store = new SelectionStore();
// The tree is the handler's: every success that changes it emits state:changed with the new snapshot.
backend.bridge.on('state:changed', () => store.setUser(backend.handler.getState()));
followCreations(backend, store);

mountHeader(byId('header'), backend, store);
mountTree(byId('tree'), store);
mountTimeline(byId('timeline'), backend.timeline);

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
