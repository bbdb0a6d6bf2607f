// The live alert feed, newest first, filtered by kind and severity; an alert opens its evidence: the figures
// behind it, the claims it rests on, and its message in Chinese and English.
import { h, clear } from './dom.js';
import { t, term, lang } from './i18n.js';
import { dateTime } from './format.js';
import { figuresTable, recordTables } from './evidence.js';
import { statusView, figuresNow, acknowledgeView } from './budget-alerts.js';

const knownKinds = ['budget-pace', 'budget-exhausted', 'split-hospitalization', 'upcoding', 'low-threshold-admission', 'data-quality'];
const severities = ['critical', 'warning', 'notice'];
const statuses = ['open', 'acknowledged', 'resolved', 'withdrawn'];
const maxKept = 500;
const maxClaimIdsShown = 200;


export class AlertFeed {
  /**
   * parts: list, empty, counter, kindSelect, severitySelect, statusSelect, dialog, dialogBody; nameOf(level, id) → a
   * display name; budget: { who, fundNow(level, id) → the fund's latest snapshot, acknowledge(alertId, note) };
   * caseLink(alert) → the alert's inspection case as a link, or a button to open one (cases.js decides what this
   * reader may do), or null.
   */
  constructor(parts, nameOf, budget = {}, caseLink = null) {
    Object.assign(this, parts);
    this.nameOf = nameOf;
    this.budget = budget;
    this.caseLink = caseLink;
    this.statusSelect?.addEventListener('change', () => this.render());
    this.alerts = [];
    this.byId = new Map();
    this.kindSelect.addEventListener('change', () => this.render());
    this.severitySelect.addEventListener('change', () => this.render());
    this.renderFilters();
  }

  /** The newest settlement-or-raise time seen, for GET /api/alerts?since= after a reconnect. */
  newestRaisedAt() {
    return this.alerts[0]?.raisedAt ?? null;
  }

  /** Adds or replaces alerts by id; fresh ones (pushed live) are highlighted briefly. */
  merge(documents, { fresh = false } = {}) {
    const freshIds = new Set();
    for (const alert of documents) {
      if (!alert || !alert.alertId) continue;
      if (!this.byId.has(alert.alertId) && fresh) freshIds.add(alert.alertId);
      this.byId.set(alert.alertId, alert);
    }

    this.alerts = [...this.byId.values()].sort(newestFirst).slice(0, maxKept);
    if (this.alerts.length < this.byId.size) {
      this.byId = new Map(this.alerts.map((alert) => [alert.alertId, alert]));
    }

    this.renderFilters();
    this.render(freshIds);
  }

  renderFilters() {
    const kinds = [...new Set([...knownKinds, ...this.alerts.map((alert) => alert.kind)])];
    fill(this.kindSelect, [['', t('alerts.all')], ...kinds.map((kind) => [kind, term('kind', kind)])]);
    fill(this.severitySelect, [['', t('alerts.all')], ...severities.map((s) => [s, term('severity', s)])]);
    if (this.statusSelect) fill(this.statusSelect, [['', t('alerts.all')], ...statuses.map((s) => [s, t(`status.${s}`)])]);
  }

  render(freshIds = new Set()) {
    const kind = this.kindSelect.value;
    const severity = this.severitySelect.value;
    const status = this.statusSelect?.value ?? '';
    const shown = this.alerts.filter((alert) => (!kind || alert.kind === kind) && (!severity || alert.severity === severity)
      && (!status || (alert.status ?? 'open') === status));
    clear(this.list).append(...shown.map((alert) => this.item(alert, freshIds.has(alert.alertId))));
    this.empty.hidden = shown.length > 0;
    this.empty.textContent = this.alerts.length === 0 ? t('alerts.none') : t('alerts.noneFiltered');
    this.counter.textContent = kind || severity || status
      ? t('alerts.count', { shown: shown.length, total: this.alerts.length })
      : String(this.alerts.length);
  }

  item(alert, fresh) {
    const message = messageOf(alert);
    return h('li', {
      class: fresh ? 'alert-item fresh' : 'alert-item',
      dataset: {
        alertId: alert.alertId,
        kind: alert.kind,
        severity: alert.severity,
        subjectLevel: alert.subject?.level,
        subjectId: alert.subject?.id,
        hospitalId: alert.hospitalId ?? '',
        status: alert.status ?? 'open',
      },
    },
    h('button', { type: 'button', onclick: () => this.open(alert) },
      h('div', { class: 'alert-top' },
        h('span', { class: 'severity', dataset: { severity: alert.severity } }, term('severity', alert.severity)),
        h('span', { class: 'alert-kind' }, term('kind', alert.kind)),
        alert.transition ? h('span', { class: 'transition' }, term('transition', alert.transition)) : null,
        // Issued at the settlement time the finding was reached (the board's clock), not the host's wall clock.
        h('span', { class: 'alert-time' }, `${t('alerts.raisedAt')} `, h('time', { datetime: alert.asOf }, dateTime(alert.asOf)))),
      h('div', { class: 'alert-subject' }, this.subjectText(alert)),
      h('p', { class: 'alert-message' }, message),
      figuresNow(alert, this.fundNow(alert)),
      statusView(alert)));
  }

  fundNow(alert) {
    return this.budget.fundNow?.(alert.subject?.level, alert.subject?.id) ?? null;
  }

  subjectText(alert) {
    const level = alert.subject?.level;
    const id = alert.subject?.id;
    const name = this.nameOf(level, id);
    return `${term('level', level)} · ${name && name !== id ? `${name} (${id})` : id}`;
  }

  open(alert) {
    const about = [
      [t('evidence.subject'), this.subjectText(alert)],
      [t('evidence.county'), `${this.nameOf('county', alert.countyId) ?? ''} ${alert.countyId}`.trim()],
      alert.hospitalId ? [t('evidence.hospital'), `${this.nameOf('hospital', alert.hospitalId) ?? ''} ${alert.hospitalId}`.trim()] : null,
      [t('evidence.raisedAt'), dateTime(alert.asOf)],
      [t('evidence.alertId'), alert.alertId],
      [t('evidence.caseId'), this.caseLink?.(alert) ?? alert.caseId ?? t('evidence.none')],
    ].filter(Boolean);

    const figures = figuresTable(alert.evidence);
    const claimIds = alert.claimIds ?? [];
    const message = alert.message ?? {};
    const [first, second] = lang() === 'en' ? [message.en, message.zh] : [message.zh, message.en];

    clear(this.dialogBody).append(h('div', {},
      h('h3', { id: 'evidence-title' },
        h('span', { class: 'severity', dataset: { severity: alert.severity } }, term('severity', alert.severity)), ' ',
        term('kind', alert.kind), ' ',
        alert.transition ? h('span', { class: 'transition' }, term('transition', alert.transition)) : null),
      h('h4', {}, t('evidence.message')),
      h('p', { class: 'message-zh', lang: lang() === 'en' ? 'en' : 'zh-CN' }, first ?? ''),
      second ? h('p', { class: 'message-en', lang: lang() === 'en' ? 'zh-CN' : 'en' }, second) : null,
      figuresNow(alert, this.fundNow(alert)),
      h('h4', {}, t('ack.heading')),
      statusView(alert, { withAcknowledgement: false }),
      acknowledgeView(alert, this.budget.who, this.budget.acknowledge ?? (async () => {})),
      h('h4', {}, t('evidence.figures')),
      figures ?? h('p', { class: 'muted' }, t('evidence.none')),
      recordTables(alert.evidence),
      h('h4', {}, t('evidence.claims', { count: claimIds.length })),
      claimIds.length > 0
        ? h('ul', { class: 'claim-ids' }, claimIds.slice(0, maxClaimIdsShown).map((id) => h('li', {}, id)))
        : h('p', { class: 'muted' }, t('evidence.none')),
      claimIds.length > maxClaimIdsShown ? h('p', { class: 'muted small' }, t('evidence.more', { count: claimIds.length - maxClaimIdsShown })) : null,
      (alert.drgCodes ?? []).length > 0 ? [h('h4', {}, t('evidence.drgs')), h('ul', { class: 'claim-ids' }, alert.drgCodes.map((code) => h('li', {}, code)))] : null,
      h('h4', {}, t('evidence.about')),
      table(about, 'figures')));
    this.dialog.dataset.alertId = alert.alertId;
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Re-labels after a language switch, keeping the chosen filters. */
  relabel() {
    this.renderFilters();
    this.render();
    if (this.dialog.open) {
      const alert = this.byId.get(this.dialog.dataset.alertId);
      if (alert) this.open(alert);
    }
  }
}

export function messageOf(alert) {
  const message = alert.message ?? {};
  return (lang() === 'en' ? message.en || message.zh : message.zh || message.en) ?? '';
}

function newestFirst(a, b) {
  return String(b.raisedAt ?? '').localeCompare(String(a.raisedAt ?? ''))
    || String(b.asOf ?? '').localeCompare(String(a.asOf ?? ''))
    || String(b.alertId).localeCompare(String(a.alertId));
}

function fill(select, options) {
  const chosen = select.value;
  clear(select).append(...options.map(([value, label]) => h('option', { value }, label)));
  select.value = options.some(([value]) => value === chosen) ? chosen : '';
}

function table(rows, cls) {
  return h('table', { class: cls }, h('tbody', {}, rows.map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value)))));
}
