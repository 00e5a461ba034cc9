import { h } from './dom';
import type { ErrorView } from './format';

/** A readable error: code, message, where it happened and every detail. */
export function renderError(error: ErrorView, testId?: string): HTMLElement {
  const where = [error.method, error.path, error.status].filter((part) => part !== undefined).join(' ');
  return h(
    'div',
    { class: 'error-box', role: 'alert', 'data-testid': testId, 'data-code': error.code },
    h(
      'div',
      { class: 'error-head' },
      h(
        'span',
        { class: 'error-code', 'data-testid': testId === undefined ? undefined : `${testId}-code` },
        error.code,
      ),
      where === '' ? null : h('span', { class: 'error-where' }, where),
      error.retryable === true ? h('span', { class: 'error-retry' }, 'retryable') : null,
    ),
    h('p', { class: 'error-message' }, error.message),
    error.details.length === 0
      ? null
      : h(
          'ul',
          { class: 'error-details' },
          ...error.details.map((detail) =>
            h('li', {}, h('code', {}, detail.path === '' ? '(input)' : detail.path), ' ', detail.message),
          ),
        ),
    error.requestId === undefined ? null : h('p', { class: 'error-rid' }, `requestId ${error.requestId}`),
  );
}
