import type { Backend } from './backend';
import { h } from './dom';
import { renderError } from './error-view';
import { toErrorView } from './format';

/** The demo login the reference API seeds (see the README). */
export const DEMO_LOGIN = { email: 'demo@aurora.dev', password: 'aurora-demo-2026' } as const;

/** The sign-in card shown while no user is signed in; it sends `login` through the bridge. */
export function renderLogin(backend: Backend): HTMLElement {
  const email = h('input', {
    type: 'email',
    value: DEMO_LOGIN.email,
    'data-testid': 'login-email',
    autocomplete: 'username',
  });
  const password = h('input', {
    type: 'password',
    value: DEMO_LOGIN.password,
    'data-testid': 'login-password',
    autocomplete: 'current-password',
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'login-submit' }, 'Sign in');
  const feedback = h('div', { class: 'login-feedback' });
  const form = h(
    'form',
    { class: 'login-card card', 'data-testid': 'login-form' },
    h('h1', {}, 'Sign in to Aurora'),
    h(
      'p',
      { class: 'muted' },
      'The page talks to the reference API through the built library: ',
      h('code', {}, "bridge.request('login', …)"),
      '. The access token stays in the handler’s memory; the refresh token in an httpOnly cookie, so a reload keeps you signed in.',
    ),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Email'), email),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Password'), password),
    submit,
    feedback,
  );
  // The end of a session the refresh token could not renew is news: say it where the user signs in again.
  backend.bridge.on('session:expired', (error) =>
    feedback.replaceChildren(renderError(toErrorView(error), 'session-expired')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    feedback.replaceChildren();
    backend
      .send('login', { email: email.value, password: password.value }, { timeoutMs: 15_000 })
      .catch((error: unknown) => feedback.replaceChildren(renderError(toErrorView(error), 'login-error')))
      .finally(() => (submit.disabled = false));
  });
  return form;
}
