// The dashboard: sign in with a bearer token, then the scoped fund hierarchy with live pace gauges, the selected
// account's spend curve and year-end preview, and the live alert feed. Every figure comes from the API and the hub;
// the token decides what the server lets this page see.
import { t, term, setLang, onLangChange, applyStatic } from './i18n.js';
import * as session from './session.js';
import { buildModel, renderHierarchy, keyOf } from './hierarchy.js';
import { DetailView } from './detail.js';
import { AlertFeed } from './alerts.js';
import { budgetAlertsOf } from './budget-board.js';
import { connectLive } from './live.js';

const pollSeconds = 10;
const fetchConcurrency = 6;
const alertLimit = 200;
const $ = (id) => document.getElementById(id);
const font = getComputedStyle(document.documentElement).getPropertyValue('--font').trim();

/** The signed-in board; null while signed out. */
let board = null;

function init() {
  applyStatic();
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.addEventListener('click', () => setLang(button.dataset.lang));
  }

  onLangChange(relabel);
  $('sign-in-form').addEventListener('submit', onSignIn);
  $('sign-out').addEventListener('click', () => signOut());
  const token = session.currentToken();
  if (token) start(token);
  else showSignIn();
}

function showSignIn(errorKey = null, vars = {}) {
  $('board').hidden = true;
  $('who').hidden = true;
  $('live-status').hidden = true;
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = !errorKey;
  error.textContent = errorKey ? t(errorKey, vars) : '';
  document.body.dataset.view = 'sign-in';
  delete document.body.dataset.ready;
  $('token-input').focus();
}

async function onSignIn(event) {
  event.preventDefault();
  const token = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
  if (!session.describe(token)) {
    showSignIn('signIn.malformed');
    return;
  }

  session.keep(token);
  $('token-input').value = '';
  await start(token);
}

async function signOut(reasonKey = null) {
  const old = board;
  board = null;
  session.forget();
  if (old) {
    clearInterval(old.pollTimer);
    clearTimeout(old.refreshTimer);
    old.detail.chart.dispose();
    await old.live?.stop();
  }

  history.replaceState(null, '', window.location.pathname);
  showSignIn(reasonKey);
}

async function start(token) {
  const who = session.describe(token);
  const refuse = (key, vars) => {
    session.forget();
    showSignIn(key, vars);
  };
  if (!who) return refuse('signIn.malformed');
  if (who.role === 'ingest') return refuse('signIn.ingest');
  if (who.expiresAt && who.expiresAt < new Date()) return refuse('signIn.invalid');

  let registry;
  try {
    registry = await session.getJson(token, 'api/registry');
  } catch (error) {
    return refuse(error.status === 401 || error.status === 403 ? 'signIn.invalid' : 'signIn.unreachable', { error: error.message });
  }

  // A hospital reads only its own fund; its county and alliance are shown for orientation, without figures.
  const model = buildModel(registry, (level) => who.role !== 'hospital' || level === 'hospital');
  const mine = {
    token,
    who,
    model,
    selectedKey: null,
    liveState: 'connecting',
    live: null,
    pollTimer: null,
    refreshTimer: null,
    pendingRefresh: new Set(),
    detailQueued: false,
  };
  board = mine;

  $('sign-in').hidden = true;
  $('board').hidden = false;
  $('who').hidden = false;
  $('live-status').hidden = false;
  document.body.dataset.view = 'board';
  mine.detail = new DetailView($('detail'), font);
  mine.feed = new AlertFeed({
    list: $('alert-list'),
    empty: $('alert-empty'),
    counter: $('alert-count'),
    kindSelect: $('filter-kind'),
    severitySelect: $('filter-severity'),
    statusSelect: $('filter-status'),
    dialog: $('evidence'),
    dialogBody: $('evidence-body'),
  }, nameOf, budgetAlertsOf(mine));
  renderWho();
  drawHierarchy();
  showLiveState('connecting');
  mine.selectedKey = initialSelection(model, who);
  select(mine.selectedKey);

  await Promise.all([loadFunds([...model.entities.values()]), loadAlerts()]);
  if (board !== mine) return;
  document.body.dataset.ready = 'true';

  mine.live = connectLive(token, {
    onAlert: (doc) => board === mine && onAlert(doc),
    onFund: (snapshot) => board === mine && applySnapshot(snapshot),
    onState: (state) => board === mine && showLiveState(state),
    onResumed: () => board === mine && catchUp(),
  });
  // While the hub is unreachable the page still moves: it polls, and says so in the top bar.
  mine.pollTimer = setInterval(() => {
    if (board === mine && mine.liveState !== 'live') catchUp();
  }, pollSeconds * 1000);
}

function initialSelection(model, who) {
  const [level, id] = decodeURIComponent(window.location.hash.slice(1)).split('/');
  const fromHash = level && id ? model.entities.get(keyOf(level, id)) : null;
  if (fromHash?.readable) return fromHash.key;
  const readable = [...model.entities.values()].filter((entity) => entity.readable);
  const own = who.role === 'hospital' ? readable.find((entity) => entity.level === 'hospital' && entity.id === who.scopeId) : null;
  return (own ?? readable[0])?.key ?? null;
}

function select(key) {
  if (!board) return;
  const previous = board.selectedKey;
  board.selectedKey = key;
  const entity = key ? board.model.entities.get(key) : null;
  if (previous && previous !== key) board.redrawRow(board.model.entities.get(previous));
  if (!entity) {
    board.detail.showMessage(t('detail.pick'));
    return;
  }

  board.redrawRow(entity);
  board.detail.show(entity, board.model);
  loadReadmission(entity);
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${entity.level}/${encodeURIComponent(entity.id)}`);
}

function drawHierarchy() {
  board.redrawRow = renderHierarchy($('hierarchy'), board.model, {
    selectedKey: () => board?.selectedKey,
    onSelect: select,
  });
}

function renderWho() {
  const { who, model } = board;
  $('who-role').textContent = term('role', who.role);
  let scope = t('scope.all');
  if (who.scopeKind === 'region') {
    const region = model.regions.find((r) => r.regionId === who.scopeId);
    scope = `${t('scope.region')} ${region ? `${region.name}（${who.scopeId}）` : who.scopeId}`;
  } else if (who.scopeKind === 'county' || who.scopeKind === 'hospital') {
    const name = nameOf(who.scopeKind, who.scopeId);
    scope = `${t(`scope.${who.scopeKind}`)} ${name ? `${name}（${who.scopeId}）` : who.scopeId}`;
  }

  $('who-scope').textContent = scope;
  $('who').dataset.role = who.role;
  $('who').dataset.scope = who.scope;
}

function nameOf(level, id) {
  if (!board) return null;
  if (level === 'region') return board.model.regions.find((r) => r.regionId === id)?.name ?? null;
  return board.model.entities.get(keyOf(level, id))?.name ?? null;
}

function showLiveState(state) {
  if (!board) return;
  board.liveState = state;
  const el = $('live-status');
  el.dataset.state = state;
  el.textContent = t(`live.${state}`, { seconds: pollSeconds });
}

/** Fetches the snapshots of the given accounts (those this caller may read), a few at a time. */
async function loadFunds(entities) {
  const mine = board;
  const queue = entities.filter((entity) => entity.readable);
  const worker = async () => {
    for (let entity = queue.shift(); entity && board === mine; entity = queue.shift()) {
      try {
        const snapshot = await session.getJson(mine.token, `api/funds/${entity.level}/${encodeURIComponent(entity.id)}`);
        if (board !== mine) return;
        applySnapshot(snapshot);
        // The readmission rate moves with the same claims: refresh it with the selected hospital's fund.
        if (entity.key === mine.selectedKey) loadReadmission(entity);
      } catch (error) {
        if (board !== mine) return;
        if (error.status === 401) {
          await signOut('signIn.expired');
          return;
        }

        entity.error = error.message;
        entityChanged(entity);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(fetchConcurrency, queue.length) }, worker));
}

/** Fetches a hospital's readmission rate beside its peers' median; other levels have none. */
async function loadReadmission(entity) {
  const mine = board;
  if (!entity || entity.level !== 'hospital' || !entity.readable) return;
  try {
    const standing = await session.getJson(mine.token, `api/readmission/hospital/${encodeURIComponent(entity.id)}`);
    if (board !== mine) return;
    entity.readmission = standing;
    entity.readmissionError = null;
  } catch (error) {
    if (board !== mine) return;
    if (error.status === 401) {
      await signOut('signIn.expired');
      return;
    }

    entity.readmissionError = error.message;
  }

  entityChanged(entity);
}

async function loadAlerts() {
  const mine = board;
  try {
    const alerts = await session.getJson(mine.token, 'api/alerts', { limit: alertLimit });
    if (board === mine && Array.isArray(alerts)) mine.feed.merge(alerts);
  } catch (error) {
    if (board === mine && error.status === 401) await signOut('signIn.expired');
    // Anything else: the feed stays as it is and fills from the hub.
  }
}

function catchUp() {
  loadAlerts();
  loadFunds([...board.model.entities.values()]);
}

function applySnapshot(snapshot) {
  const entity = board.model.entities.get(keyOf(snapshot.level, snapshot.id));
  if (!entity || !entity.readable) return;
  if (entity.snapshot && isOlder(snapshot, entity.snapshot)) return;
  entity.snapshot = snapshot;
  entity.error = null;
  entityChanged(entity);
}

// A fetched snapshot can arrive after a newer pushed one: keep the one with the later settlement time and more claims.
function isOlder(candidate, current) {
  const a = Date.parse(candidate.asOf ?? 0) || 0;
  const b = Date.parse(current.asOf ?? 0) || 0;
  return a < b || (a === b && Number(candidate.claimsCounted) < Number(current.claimsCounted));
}

function entityChanged(entity) {
  board.redrawRow(entity);
  if (entity.key === board.selectedKey && !board.detailQueued) {
    // Snapshots can arrive several a second under load: redraw the chart at most once a frame.
    board.detailQueued = true;
    const mine = board;
    requestAnimationFrame(() => {
      mine.detailQueued = false;
      const selected = mine.model.entities.get(mine.selectedKey);
      if (board === mine && selected) mine.detail.show(selected, mine.model);
    });
  }
}

function onAlert(doc) {
  board.feed.merge([doc], { fresh: true });
  // The alert's subject and the accounts above it have moved: refresh them (the hub's `fund` pushes do too; this
  // keeps the gauges right even if a snapshot push was coalesced away). Batched, as alerts come in bursts.
  const subject = doc.subject ?? {};
  const entity = board.model.entities.get(keyOf(subject.level, subject.id))
    ?? (doc.hospitalId ? board.model.entities.get(keyOf('hospital', doc.hospitalId)) : null);
  const chain = entity ? [entity.key] : [];
  if (entity?.allianceId) chain.push(keyOf('alliance', entity.allianceId));
  if (doc.countyId) chain.push(keyOf('county', doc.countyId));
  for (const key of chain) board.pendingRefresh.add(key);
  // A split-hospitalization alert names the hospital readmitted to: when it is the selected one, its refresh below
  // refetches the readmission rate too (loadFunds does, for the selected hospital).
  if (board.refreshTimer === null && board.pendingRefresh.size > 0) {
    board.refreshTimer = setTimeout(() => {
      if (!board) return;
      const keys = [...board.pendingRefresh];
      board.pendingRefresh.clear();
      board.refreshTimer = null;
      loadFunds(keys.map((key) => board.model.entities.get(key)).filter(Boolean));
    }, 250);
  }
}

function relabel() {
  if (!board) return;
  renderWho();
  drawHierarchy();
  showLiveState(board.liveState);
  const entity = board.selectedKey ? board.model.entities.get(board.selectedKey) : null;
  if (entity) board.detail.show(entity, board.model);
  else board.detail.showMessage(t('detail.pick'));
  board.feed.relabel();
}

init();
