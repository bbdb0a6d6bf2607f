// The bearer token for this browser tab: pasted, or taken once from ?token= (then removed from the address so it
// stays out of history and bookmarks), kept in sessionStorage, and sent on every API call and the hub connection.

const storageKey = 'monitoring.token';

// Calls to the API go through api.js; getJson stays here for the modules that read the session's token with it.
export { ApiError, getJson } from './api.js';

/** Takes ?token= from the address into sessionStorage, and returns the token in force (or null). */
export function currentToken() {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(storageKey, fromUrl.trim());
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }

  return sessionStorage.getItem(storageKey);
}

export function keep(token) {
  sessionStorage.setItem(storageKey, token.trim());
}

export function forget() {
  sessionStorage.removeItem(storageKey);
}

/**
 * What the token says about its holder (role, scope, expiry). Read for display only: the server checks the
 * signature and decides what this caller may see.
 */
export function describe(token) {
  const parts = (token ?? '').split('.');
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    const [scopeKind, scopeId] = String(claims.scope ?? '*').includes(':') ? claims.scope.split(/:(.*)/s) : ['all', null];
    return {
      role: claims.role ?? null,
      scope: claims.scope ?? '*',
      scopeKind,
      scopeId,
      subject: claims.sub ?? null,
      expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
    };
  } catch {
    return null;
  }
}
