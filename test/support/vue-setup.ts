import { mount, type VueWrapper } from '@vue/test-utils';
import { defineComponent, h, type Component, type VNodeChild } from 'vue';
import { provideBackend, type Backend } from '../../vue';

/** A root component that provides `backend` to `child` (rendered with `props`). */
export function withBackend(backend: Backend, child: Component, props: Record<string, unknown> = {}) {
  return defineComponent({
    setup() {
      provideBackend(backend);
      return () => h(child, props);
    },
  });
}

/**
 * Mounts, below a root that provides `backend`, a component whose setup runs `use` and renders what `render`
 * makes of its result (nothing by default); returns the result and the mounted wrapper.
 */
export function mountInSetup<T>(
  backend: Backend,
  use: () => T,
  render: (result: T) => VNodeChild = () => null,
): { result: T; wrapper: VueWrapper } {
  let result: T | undefined;
  const Child = defineComponent({
    setup() {
      const used = use();
      result = used;
      return () => render(used);
    },
  });
  const wrapper = mount(withBackend(backend, Child));
  return { result: result as T, wrapper };
}
