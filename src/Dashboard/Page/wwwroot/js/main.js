// The dashboard's composition: sign in (sign-in.js), then the board — the scoped fund hierarchy with live pace
// gauges, the selected account's figures (fund-figures.js), the live alert feed — or the case workspace, as the
// address says (router.js). Every figure comes from the API (api.js) and the hub; the token decides what the server
// lets this page see. This module wires the features together and keeps the board's live state, nothing more.
import { t, term, setLang, onLangChange, applyStatic } from './i18n.js';
import * as session from './session.js';
import { getJson, onUnauthorized } from './api.js';
import { currentRoute, replaceRoute, clearRoute, onRouteChange } from './router.js';
import { showSignIn, wireSignIn } from './sign-in.js';
import { FundFigures } from './fund-figures.js';
import { buildModel, renderHierarchy, keyOf } from './hierarchy.js';
import { DetailView } from './detail.js';
import { AlertFeed } from './alerts.js';
import { budgetAlertsOf } from './budget-board.js';
import { connectLive } from './live.js';
import { CasesView } from './cases.js';
import { PackageView } from './package.js';
import { RulesView } from './rules.js';
import { Overview } from './overview.js';
import { refreshCountyCases } from './overview-cases.js';
import { DrillDownView } from './drilldown.js';

const pollSeconds = 10;
const alertLimit = 200;
// The overview is re-read at most this often while snapshots and alerts stream in.
const overviewRefreshMs = 4000;
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
  wireSignIn(start);
  // A refused token ends the session once, whichever feature's call heard it.
  onUnauthorized(() => board && signOut('signIn.expired'));
  $('sign-out').addEventListener('click', () => signOut());
  onRouteChange(() => board && route());
  const token = session.currentToken();
  if (token) start(token);
  else showSignIn();
}

async function signOut(reasonKey = null) {
  const old = board;
  board = null;
  session.forget();
  if (old) {
    clearInterval(old.pollTimer);
    clearTimeout(old.refreshTimer);
    clearTimeout(old.overviewTimer);
    clearTimeout(old.selectedTimer);
    old.detail.chart.dispose();
    old.rules.close();
    await old.live?.stop();
  }

  clearRoute();
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
    registry = await getJson(token, 'api/registry');
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
    overviewTimer: null,
    selectedTimer: null,
  };
  board = mine;
  mine.figures = new FundFigures({
    token,
    alive: () => board === mine,
    changed: (entity) => entityChanged(entity),
    snapshot: (doc) => applySnapshot(doc),
  });

  $('sign-in').hidden = true;
  $('board').hidden = false;
  $('who').hidden = false;
  $('live-status').hidden = false;
  document.body.dataset.view = 'board';
  // One clock a screen: the overview states the settlement time; the detail panel only when there is no overview.
  mine.detail = new DetailView($('detail'), font, (entity, sort) => mine.figures.caseMix(entity, sort), { clock: who.role === 'hospital' });
  mine.drilldown = new DrillDownView($('detail').appendChild(document.createElement('section')), token);
  mine.drilldown.section.id = 'drilldown';
  mine.feed = new AlertFeed({
    list: $('alert-list'),
    empty: $('alert-empty'),
    counter: $('alert-count'),
    kindSelect: $('filter-kind'),
    severitySelect: $('filter-severity'),
    statusSelect: $('filter-status'),
    dialog: $('evidence'),
    dialogBody: $('evidence-body'),
  }, nameOf, budgetAlertsOf(mine), (alert) => mine.cases?.linkFor(alert));
  mine.cases = new CasesView($('cases-view'), { token, who, model, nameOf, onUnauthorized: () => signOut('signIn.expired') });
  mine.package = new PackageView($('package-view'), { token, who, model, onUnauthorized: () => signOut('signIn.expired') });
  mine.rules = new RulesView($('rules-view'), { token, who, model, onUnauthorized: () => signOut('signIn.expired') });
  mine.overview = new Overview($('overview'), {
    onSelect: select,
    onFilter: () => board === mine && drawHierarchy(),
    selectedKey: () => mine.selectedKey,
  });
  // A hospital sees its own fund alone: a ranking of one is no overview.
  $('overview').hidden = who.role === 'hospital';
  renderWho();
  showLiveState('connecting');
  // Inspectors work cases: their page opens on the queue.
  if (!window.location.hash && who.role === 'inspector') replaceRoute('cases');
  await loadOverview();
  if (board !== mine) return;
  drawHierarchy();
  mine.selectedKey = initialSelection(model, who, mine.overview);
  select(mine.selectedKey);
  route();

  await Promise.all([loadFunds([...model.entities.values()]), loadAlerts()]);
  if (board !== mine) return;
  document.body.dataset.ready = 'true';

  mine.live = connectLive(token, {
    onAlert: (doc) => board === mine && onAlert(doc),
    onFund: (snapshot) => board === mine && applySnapshot(snapshot),
    onCase: (notice) => board === mine && mine.cases.onNotice(notice),
    onAssessment: (notice) => board === mine && mine.package.onAssessment(notice),
    onState: (state) => board === mine && showLiveState(state),
    onResumed: () => board === mine && catchUp(),
  });
  // While the hub is unreachable the page still moves: it polls, and says so in the top bar.
  mine.pollTimer = setInterval(() => {
    if (board === mine && mine.liveState !== 'live') catchUp();
  }, pollSeconds * 1000);
}

function initialSelection(model, who, overview) {
  const { level, id } = currentRoute();
  const fromHash = level && id ? model.entities.get(keyOf(level, id)) : null;
  if (fromHash?.readable) return fromHash.key;
  const readable = [...model.entities.values()].filter((entity) => entity.readable);
  const own = who.role === 'hospital' ? readable.find((entity) => entity.level === 'hospital' && entity.id === who.scopeId) : null;
  // Otherwise the fund most at risk, as the overview ranks it.
  const worst = model.entities.get(overview.firstKey());
  return (own ?? (worst?.readable ? worst : null) ?? readable[0])?.key ?? null;
}

function select(key) {
  if (!board) return;
  const previous = board.selectedKey;
  board.selectedKey = key;
  const entity = key ? board.model.entities.get(key) : null;
  if (previous && previous !== key) board.redrawRow(board.model.entities.get(previous));
  board.drilldown.show(entity);
  if (!entity) {
    board.detail.showMessage(t('detail.pick'));
    return;
  }

  board.overview.markSelected();
  if (!board.overview.shown(entity) || !$('hierarchy').querySelector(`[data-key="${CSS.escape(entity.key)}"]`)) drawHierarchy();
  else board.redrawRow(entity);
  keepInView($('hierarchy'), $('hierarchy').querySelector(`[data-key="${CSS.escape(entity.key)}"]`));
  board.detail.show(entity, board.model);
  board.figures.selected(entity);
  if (currentRoute().view !== 'board') return;
  replaceRoute(`${entity.level}/${encodeURIComponent(entity.id)}`);
}

/** Shows the board, the cases workspace, the package or the rule library, as the address says. */
function route() {
  const where = currentRoute();
  const cases = where.view === 'cases';
  $('board').hidden = where.view !== 'board';
  $('cases-view').hidden = !cases;
  $('package-view').hidden = where.view !== 'package';
  $('rules-view').hidden = where.view !== 'rules';
  $('view-tabs').hidden = false;
  document.body.dataset.view = where.view;
  for (const tab of $('view-tabs').querySelectorAll('a')) tab.setAttribute('aria-current', String(tab.dataset.view === where.view));
  if (cases) board.cases.show(where.caseId);
  if (where.view === 'package') board.package.show(where.level, where.id);
  if (where.view === 'rules') board.rules.show(where.ruleId);
}

function drawHierarchy() {
  const { overview } = board;
  // Redrawn when the ranking changes under live data: the reader's place in the list stays where it was.
  const scrolled = $('hierarchy').scrollTop;
  board.redrawRow = renderHierarchy($('hierarchy'), board.model, {
    selectedKey: () => board?.selectedKey,
    onSelect: select,
    order: (entities) => overview.order(entities),
    shown: (entity) => overview.shown(entity),
  });
  $('hierarchy').scrollTop = scrolled;
}

/** Scrolls the hierarchy panel (not the page) so the selected row is in view. */
function keepInView(container, row) {
  if (!row) return;
  const box = container.getBoundingClientRect();
  const at = row.getBoundingClientRect();
  if (at.top < box.top) container.scrollTop -= box.top - at.top + 8;
  else if (at.bottom > box.bottom) container.scrollTop += at.bottom - box.bottom + 8;
}

/** Reads the ranked overview of the caller's scope. */
async function loadOverview() {
  const mine = board;
  if (mine.who.role === 'hospital') return;
  try {
    const [doc] = await Promise.all([getJson(mine.token, 'api/overview'), refreshCountyCases(mine.token)]);
    if (board !== mine) return;
    const reordered = mine.overview.update(doc);
    if (mine.redrawRow && reordered) drawHierarchy();
  } catch (error) {
    if (board !== mine || error.status === 401) return;
    mine.overview.failed(error.message);
  }
}

/** Funds move with every batch: re-rank at most every few seconds, not on every push. */
function scheduleOverview() {
  const mine = board;
  if (mine.overviewTimer !== null || mine.who.role === 'hospital') return;
  mine.overviewTimer = setTimeout(() => {
    mine.overviewTimer = null;
    if (board === mine) loadOverview();
  }, overviewRefreshMs);
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

/** Reads the snapshots of the given accounts; the selected hospital's standings move with the same claims. */
function loadFunds(entities) {
  const mine = board;
  return mine.figures.snapshots(entities, (entity) => {
    if (entity.key === mine.selectedKey) mine.figures.selected(entity);
  });
}

async function loadAlerts() {
  const mine = board;
  try {
    const alerts = await getJson(mine.token, 'api/alerts', { limit: alertLimit });
    if (board === mine && Array.isArray(alerts)) mine.feed.merge(alerts);
  } catch {
    // The feed stays as it is and fills from the hub (a 401 has signed out already).
  }
}

function catchUp() {
  loadAlerts();
  loadOverview();
  loadFunds([...board.model.entities.values()]);
}

function applySnapshot(snapshot) {
  const entity = board.model.entities.get(keyOf(snapshot.level, snapshot.id));
  if (!entity || !entity.readable) return;
  if (entity.snapshot && isOlder(snapshot, entity.snapshot)) return;
  // A pushed snapshot leaves out the spend by day: keep the last read one (the curve runs on to today's figure), and
  // read the selected fund again soon so its curve is by day to the end.
  if (!snapshot.daily && entity.snapshot?.daily) {
    snapshot.daily = entity.snapshot.daily;
    if (entity.key === board.selectedKey) scheduleSelectedRead(entity);
  }

  entity.snapshot = snapshot;
  scheduleOverview();
  entity.error = null;
  entityChanged(entity);
}

// A fetched snapshot can arrive after a newer pushed one: keep the one with the later settlement time and more claims.
function isOlder(candidate, current) {
  const a = Date.parse(candidate.asOf ?? 0) || 0;
  const b = Date.parse(current.asOf ?? 0) || 0;
  return a < b || (a === b && Number(candidate.claimsCounted) < Number(current.claimsCounted));
}

function scheduleSelectedRead(entity) {
  const mine = board;
  if (mine.selectedTimer !== null) return;
  mine.selectedTimer = setTimeout(() => {
    mine.selectedTimer = null;
    if (board === mine && mine.selectedKey === entity.key) loadFunds([entity]);
  }, overviewRefreshMs);
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
  scheduleOverview();
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
  board.overview.relabel();
  drawHierarchy();
  showLiveState(board.liveState);
  const entity = board.selectedKey ? board.model.entities.get(board.selectedKey) : null;
  if (entity) board.detail.show(entity, board.model);
  else board.detail.showMessage(t('detail.pick'));
  board.feed.relabel();
  board.cases.relabel();
  board.package.relabel();
  board.rules.relabel();
  board.drilldown.relabel();
}

init();
