// The one door to the API: every call carries the token, a refusal comes back as ApiError with the status and the
// ProblemDetails' words (and `allowed`, when the server lists what may be done instead; `errors`, a ValidationProblem's
// messages keyed by field), and a 401 reaches whoever registered for it — the page signs out once, whichever feature asked.

export class ApiError extends Error {
  constructor(status, message, allowed = null, errors = null) {
    super(message);
    this.status = status;
    this.allowed = allowed;
    this.errors = errors;
  }
}

let unauthorized = () => {};

/** What to do when the server says the token is no longer good (sign out, with the reason). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/**
 * One call: path relative to the page, params set on the query when they have a value, body sent as JSON.
 * as: 'json' (the default) → { document, link }, 'blob' → { document: Blob }.
 */
export async function call(token, path, { method = 'GET', body, params, as = 'json' } = {}) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(name, value);
  }

  const headers = { Authorization: `Bearer ${token}`, ...(as === 'json' ? { Accept: 'application/json' } : {}) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body !== undefined ? JSON.stringify(body) : undefined });
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // not a ProblemDetails body
    }

    if (response.status === 401) unauthorized();
    throw new ApiError(response.status, problem.detail || problem.title || `${response.status} ${response.statusText}`, problem.allowed ?? null, problem.errors ?? null);
  }

  return { document: as === 'blob' ? await response.blob() : await response.json(), link: response.headers.get('Link') };
}

/** GET a JSON document. */
export async function getJson(token, path, params = {}) {
  return (await call(token, path, { params })).document;
}

/** POST a JSON body, returning the JSON answer. */
export async function postJson(token, path, body) {
  return (await call(token, path, { method: 'POST', body })).document;
}

/** GET a file (a report's print page or .xlsx) as a Blob. */
export async function getBlob(token, path, params = {}) {
  return (await call(token, path, { params, as: 'blob' })).document;
}

/** Opens a fetched page (a printable report) in a new tab. */
export function openBlob(blob) {
  window.open(URL.createObjectURL(blob), '_blank', 'noopener');
}

/** Saves a fetched file (an .xlsx) under the given name. */
export function saveBlob(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
