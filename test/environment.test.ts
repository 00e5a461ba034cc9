import { createBackendHandler } from '../backend-handler';
import { resolveEnvironment, SETTINGS, type EnvironmentOptions } from '../environment';
import { isBackendError, type BackendError } from '../errors/backend-error';
import { createWUIBridge } from '../event-helper';

type Variables = Record<string, string>;

/** Options as a caller without types (plain JS, parsed config) could pass them. */
const untyped = (options: Record<string, unknown>): EnvironmentOptions => options;

/** The CONFIG error `resolveEnvironment(options, variables)` throws; fails the test when it does not throw. */
function configError(options: EnvironmentOptions, variables: Variables = {}): BackendError {
  try {
    resolveEnvironment(options, variables);
  } catch (error) {
    if (isBackendError(error)) return error;
    throw error;
  }
  throw new Error('expected resolveEnvironment to throw');
}

const acceptedFormOf = (key: keyof EnvironmentOptions): string => SETTINGS.find((s) => s.key === key)!.accepted;

describe('resolveEnvironment precedence', () => {
  it.each([
    [
      'apiBaseUrl',
      'AURORA_API_URL',
      'https://option.example/api',
      'https://variable.example/api',
      'http://localhost:4010/api',
    ],
    ['timeoutMs', 'AURORA_TIMEOUT_MS', 2_500, '1500', 30_000],
    ['logLevel', 'AURORA_LOG_LEVEL', 'error', 'debug', 'warn'],
  ] as const)('resolves %s from the option, else %s, else its default', (key, variable, option, value, fallback) => {
    const fromVariable = key === 'timeoutMs' ? Number(value) : value;

    expect(resolveEnvironment({}, {})[key]).toBe(fallback);
    expect(resolveEnvironment({}, { [variable]: '' })[key]).toBe(fallback);
    expect(resolveEnvironment({}, { [variable]: value })[key]).toBe(fromVariable);
    expect(resolveEnvironment({ [key]: option }, { [variable]: value })[key]).toBe(option);
  });

  it('resolves all settings at once into a frozen object', () => {
    const environment = resolveEnvironment(
      { logLevel: 'silent' },
      { AURORA_API_URL: 'https://variable.example/api', AURORA_TIMEOUT_MS: '1500' },
    );

    expect(environment).toEqual({ apiBaseUrl: 'https://variable.example/api', timeoutMs: 1500, logLevel: 'silent' });
    expect(Object.isFrozen(environment)).toBe(true);
  });

  it.each([
    ['https://api.example.com/api/', 'https://api.example.com/api'],
    ['https://api.example.com/api///', 'https://api.example.com/api'],
    ['https://API.Example.com:8443/v1/', 'https://api.example.com:8443/v1'],
  ])('normalizes the base URL %j to %j', (given, normalized) => {
    expect(resolveEnvironment({ apiBaseUrl: given }, {}).apiBaseUrl).toBe(normalized);
    expect(resolveEnvironment({}, { AURORA_API_URL: given }).apiBaseUrl).toBe(normalized);
  });
});

describe('resolveEnvironment failing fast', () => {
  it.each([
    ['a timeout that is not a number', {}, { AURORA_TIMEOUT_MS: 'ten' }, 'timeoutMs'],
    ['a negative timeout', { timeoutMs: -5 }, {}, 'timeoutMs'],
    ['a zero timeout', { timeoutMs: 0 }, {}, 'timeoutMs'],
    ['a fractional timeout', { timeoutMs: 1.5 }, {}, 'timeoutMs'],
    ['a timeout above ten minutes', {}, { AURORA_TIMEOUT_MS: '600001' }, 'timeoutMs'],
    ['an unknown log level variable', {}, { AURORA_LOG_LEVEL: 'verbose' }, 'logLevel'],
    ['an unknown log level option', untyped({ logLevel: 'trace' }), {}, 'logLevel'],
    ['a base URL that is not a URL', { apiBaseUrl: 'api.example.com/api' }, {}, 'apiBaseUrl'],
    ['an ftp: base URL', {}, { AURORA_API_URL: 'ftp://files.example.com/api' }, 'apiBaseUrl'],
    ['a base URL with a query', { apiBaseUrl: 'https://api.example.com/api?tenant=acme' }, {}, 'apiBaseUrl'],
    ['a base URL with a fragment', { apiBaseUrl: 'https://api.example.com/api#top' }, {}, 'apiBaseUrl'],
    ['a base URL ending in an empty query', { apiBaseUrl: 'https://api.example.com/api?' }, {}, 'apiBaseUrl'],
    ['a base URL ending in an empty fragment', { apiBaseUrl: 'https://api.example.com/api#' }, {}, 'apiBaseUrl'],
  ] as Array<[string, EnvironmentOptions, Variables, keyof EnvironmentOptions]>)(
    'rejects %s with a CONFIG error naming its source and the accepted form',
    (_case, options, variables, key) => {
      const source = Object.keys(variables).length > 0 ? `environment variable ${Object.keys(variables)[0]}` : key;

      const error = configError(options, variables);

      expect(error).toMatchObject({ code: 'CONFIG', retryable: false, details: [{ path: key }] });
      expect(error.message).toContain(source);
      expect(error.message).toContain(`Expected ${acceptedFormOf(key)}`);
    },
  );

  it('names the setting, its environment variable and the accepted form when an option is invalid', () => {
    const invalid = untyped({ apiBaseUrl: 'nope', timeoutMs: -1, logLevel: 'loud' });

    const unnamed = SETTINGS.flatMap((setting) => {
      const { message } = configError({ [setting.key]: invalid[setting.key] });
      return [setting.key, setting.variable, setting.accepted].filter((name) => !message.includes(name));
    });

    expect(unnamed).toEqual([]);
  });

  it('names the setting, its environment variable and the accepted form when a variable is invalid', () => {
    const unnamed = SETTINGS.flatMap((setting) => {
      const { message } = configError({}, { [setting.variable]: 'nonsense value' });
      return [setting.key, setting.variable, setting.accepted].filter((name) => !message.includes(name));
    });

    expect(unnamed).toEqual([]);
  });

  it.each([
    ['a user and password', 'https://ada:hunter2secret@api.example.com/api'],
    ['a password without a user name', 'https://:hunter2secret@api.example.com/api'],
    ['a password containing "@"', 'https://ada:pa@ss-hunter2secret@api.example.com/api'],
    ['a token as user name', 'https://hunter2secret@api.example.com/api'],
  ])('rejects a base URL with %s without repeating the secret', (_case, url) => {
    for (const error of [configError({ apiBaseUrl: url }), configError({}, { AURORA_API_URL: url })]) {
      expect(error).toMatchObject({ code: 'CONFIG', details: [{ path: 'apiBaseUrl' }] });
      expect(error.message).toContain('credentials');
      expect(error.message).not.toContain('hunter2secret');
      expect(JSON.stringify(error)).not.toContain('hunter2secret');
    }
  });
});

describe('createBackendHandler settings', () => {
  it('throws a CONFIG BackendError synchronously for an invalid option, before subscribing to the bridge', () => {
    const bridge = createWUIBridge();
    let thrown: unknown;
    try {
      createBackendHandler({ bridge, environment: { apiBaseUrl: 'https://api.example.com/api', timeoutMs: 0 } });
    } catch (error) {
      thrown = error;
    }

    expect(isBackendError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'CONFIG', details: [{ path: 'timeoutMs' }] });
    expect(bridge.eventNames()).toEqual([]);
  });

  it('exposes the resolved settings of a valid configuration', () => {
    const handler = createBackendHandler({
      bridge: createWUIBridge(),
      environment: { apiBaseUrl: 'https://api.example.com/api/', timeoutMs: 1_000, logLevel: 'silent' },
    });

    expect(handler.environment).toEqual({
      apiBaseUrl: 'https://api.example.com/api',
      timeoutMs: 1_000,
      logLevel: 'silent',
    });
    expect(handler.running).toBe(false);
  });
});
