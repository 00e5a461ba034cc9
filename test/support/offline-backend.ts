import { createBackendHandler } from '../../backend-handler';
import type { Backend } from '../../bindings/core/index';
import { createWUIBridge } from '../../event-helper';

/**
 * The real bridge and a started real handler on an API that is never reached: for what the handler answers
 * before any HTTP call (a VALIDATION error). The test stops the handler.
 */
export function createOfflineBackend(): Backend {
  const bridge = createWUIBridge();
  const handler = createBackendHandler({
    bridge,
    environment: { apiBaseUrl: 'http://aurora.test/api', logLevel: 'silent' },
    stream: false,
  });
  handler.start();
  return { bridge, handler };
}
