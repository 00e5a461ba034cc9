// A server render of components using the Vue binding: it shows the tree as it is, and leaves no listener on
// the bridge, which a server shares across renders (a server never mounts a component nor disposes its scope).
import { createSSRApp, defineComponent, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import type { UserState } from '../state/user-state';
import {
  createBackendPlugin,
  provideBackend,
  useBackendState,
  useEvent,
  useNotifications,
  useOperation,
  useRequest,
  useStreamStatus,
} from '../vue';
import { createFakeBackend, listenerCounts } from './support/fake-backend';
import { twoTenants } from './support/state-tree';

const tenantNames = (state: UserState) => state?.tenants.map((tenant) => tenant.name).join(', ');

const Console = defineComponent({
  setup() {
    const names = useBackendState(tenantNames);
    const stream = useStreamStatus();
    const operation = useOperation('req-1');
    const { unread } = useNotifications();
    useRequest('scaleService');
    useEvent('state:changed', () => undefined);
    return () => h('p', `${names.value} · ${stream.value.state} · ${operation.value.phase} · ${unread.value}`);
  },
});

describe('the Vue binding on a server render', () => {
  it('renders the tree as it is and leaves every event of the bridge at its listener count, render after render', async () => {
    const fake = createFakeBackend({ ...twoTenants(), unreadNotifications: 2 });
    const baseline = listenerCounts(fake.bridge);
    const App = defineComponent({
      setup() {
        provideBackend(fake.backend);
        return () => h(Console);
      },
    });

    const pages = [];
    for (let render = 0; render < 3; render++) pages.push(await renderToString(createSSRApp(App)));

    expect(pages).toEqual(Array(3).fill('<p>alpha, beta · closed · unknown · 2</p>'));
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });

  it('with the plugin too: a server app is never mounted, and attaches nothing', async () => {
    const fake = createFakeBackend(twoTenants());
    const baseline = listenerCounts(fake.bridge);

    const page = await renderToString(createSSRApp(Console).use(createBackendPlugin(fake.backend)));

    expect(page).toBe('<p>alpha, beta · closed · unknown · 0</p>');
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });
});
