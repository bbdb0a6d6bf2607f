// Signing in: the form that takes a pasted token (a "Bearer " prefix is dropped), and the screen that says why a
// token was refused. What a token may see is the server's answer; the page only reads the token to greet its holder.
import { t } from './i18n.js';
import * as session from './session.js';

const $ = (id) => document.getElementById(id);

/** Shows the sign-in form alone, with the reason the last token was refused (an i18n key), if any. */
export function showSignIn(errorKey = null, vars = {}) {
  for (const id of ['board', 'cases-view', 'view-tabs', 'who', 'live-status']) $(id).hidden = true;
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = !errorKey;
  error.textContent = errorKey ? t(errorKey, vars) : '';
  document.body.dataset.view = 'sign-in';
  delete document.body.dataset.ready;
  $('token-input').focus();
}

/** Wires the form: a well-formed token is kept for the tab and handed to start(token). */
export function wireSignIn(start) {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
    if (!session.describe(token)) {
      showSignIn('signIn.malformed');
      return;
    }

    session.keep(token);
    $('token-input').value = '';
    await start(token);
  });
}
