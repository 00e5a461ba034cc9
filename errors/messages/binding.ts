import { BackendError } from '../backend-error';

/**
 * `CONFIG`: a component used a binding (`useBackendState`, `useRequest`, ...) outside the tree that was given a
 * backend. Names the binding and the framework's way to provide one.
 */
export function noBackendProvided(binding: string, provider: string): BackendError {
  return new BackendError({
    code: 'CONFIG',
    message: `${binding}() found no backend: the component is not inside a tree given one. Call ${provider} in the app's root component (or install the plugin), with the bridge and handler the app created.`,
  });
}
