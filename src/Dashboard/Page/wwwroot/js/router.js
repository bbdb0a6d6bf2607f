// The page's addresses: #cases (the case queue), #case/<id> (one case), #package[/<level>/<id>] (an account's package,
// statements and assessment), #rules[/<ruleId>] (the rule library, one rule open), #<level>/<id> (a fund on the board). The
// hash is the whole of the route, so a link, a reload and the back button land where the reader was.

/**
 * Where the address points: { view: 'cases', caseId }, { view: 'package', level, id }, { view: 'rules', ruleId } or
 * { view: 'board', level, id }.
 */
export function currentRoute() {
  const hash = decodeURIComponent(window.location.hash.slice(1));
  if (hash === 'cases') return { view: 'cases', caseId: null };
  if (hash.startsWith('case/')) return { view: 'cases', caseId: hash.slice(5) };
  if (hash === 'package' || hash.startsWith('package/')) {
    const [, level, ...id] = hash.split('/');
    return { view: 'package', level: level || null, id: id.join('/') || null };
  }
  if (hash === 'rules' || hash.startsWith('rules/')) return { view: 'rules', ruleId: hash.slice(6) || null };
  const [level, id] = hash.split('/');
  return { view: 'board', level: level || null, id: id || null };
}

/** Points the address at a place without a history entry (the board's selection moves often). */
export function replaceRoute(hash) {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ''}`);
}

/** Clears the address down to the page itself (signing out). */
export function clearRoute() {
  window.history.replaceState(null, '', window.location.pathname);
}

export function onRouteChange(handler) {
  window.addEventListener('hashchange', handler);
}
