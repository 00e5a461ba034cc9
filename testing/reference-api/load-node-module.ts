/**
 * Loads a Node-only dependency when a server starts, so that loading the testing entry (in a browser, for msw)
 * never needs it. CommonJS takes `module.require`: jest runs CommonJS in a VM where `import()` fails without
 * `--experimental-vm-modules`. ES modules have no `require` and take `import()`. The id is a variable, so
 * that bundlers leave it out instead of trying to bundle Node's modules for a browser.
 */
export async function loadNodeModule<T>(id: string): Promise<T> {
  // `module`, not `require`: bundlers replace a bare `require` with a shim that exists in ES modules too.
  const commonJs = typeof module === 'object' ? (module as { require?: (id: string) => unknown }) : undefined;
  if (typeof commonJs?.require === 'function') return commonJs.require(id) as T;
  return (await import(/* webpackIgnore: true */ /* @vite-ignore */ id)) as T;
}
