// Inspection cases over the API: the list (with the Link header's cursor for more), one case, an action, the summary.
// Every answer is already cut to the caller's scope by the server; a refusal comes back as a ProblemDetails body.
import { call } from './api.js';

/** One page of the list; `next` is the path of the following page, or null. */
export async function listCases(token, filters, cursorPath = null) {
  const { document, link } = cursorPath ? await call(token, cursorPath) : await call(token, 'api/cases', { params: filters });
  const next = link?.match(/<([^>]+)>;\s*rel="next"/)?.[1] ?? null;
  return { cases: document, next: next ? next.replace(/^\//, '') : null };
}

export async function getCase(token, caseId) {
  return (await call(token, `api/cases/${encodeURIComponent(caseId)}`)).document;
}

export async function act(token, caseId, action) {
  return (await call(token, `api/cases/${encodeURIComponent(caseId)}/actions`, { method: 'POST', body: action })).document;
}

export async function summary(token) {
  return (await call(token, 'api/cases/summary')).document;
}

/** Opens a case by hand on an alert; the server answers 409 when it already has one. */
export async function openCase(token, alertId) {
  return (await call(token, 'api/cases', { method: 'POST', body: { alertId } })).document;
}
