// The inspection-case workspace (稽核案件): the queue an inspector works (filters, ranked by risk, or by amount or age,
// overdue marked), the regulator's counts and amounts by status and county, a hospital's own cases, and one case's
// page. Live: a `case` push refreshes the queue and the open case. What is listed and what may be done is the server's
// answer for this token; the page only asks.
import { h, clear } from './dom.js';
import { t, term, lang } from './i18n.js';
import { money, moneyExact, dateTime } from './format.js';
import * as api from './cases-api.js';
import { renderCase } from './cases-page.js';

const pageSize = 50;
const statuses = ['open', 'assigned', 'awaiting-hospital', 'under-review', 'appealed', 'confirmed', 'dismissed', 'withdrawn'];
const kinds = ['split-hospitalization', 'upcoding', 'low-threshold-admission'];

/**
 * What a queue row is called: the case, not its first finding — the month, the kind, how many pairs or claims and
 * over which settlement days ("2026-07 疑似分解住院 9 对（06-29 至 07-30）"). A case stored before grouping (no item
 * count) falls back to its summary's first sentence.
 */
function caseTitle(c) {
  if (c.itemCount != null && c.firstDay) {
    const days = c.lastDay && c.lastDay !== c.firstDay ? t('cases.title.days', { from: c.firstDay.slice(5), to: c.lastDay.slice(5) }) : c.firstDay.slice(5);
    return t(`cases.title.${c.kind}`, { period: c.period ?? c.firstDay.slice(0, 7), count: c.itemCount, days }).trim();
  }

  const summary = c.summary ?? {};
  const text = (lang() === 'en' ? summary.en || summary.zh : summary.zh || summary.en) || term('kind', c.kind);
  const first = text.split(/(?<=[。；])|(?<=[.;]) /)[0].trim();
  return first.length > 90 ? `${first.slice(0, 88)}…` : first;
}

export class CasesView {
  /**
   * root: the element the workspace draws into; context: { token, who, model, nameOf, onUnauthorized }.
   */
  constructor(root, context) {
    this.root = root;
    this.ctx = context;
    this.filters = { status: '', countyId: '', hospitalId: '', kind: '', owner: '', sort: 'risk' };
    this.cases = [];
    this.next = null;
    this.openId = null;
    this.openDoc = null;
    this.error = null;
    this.refreshTimer = null;
  }

  async show(caseId = null) {
    this.openId = caseId;
    if (caseId) await this.loadCase(caseId);
    else await this.loadQueue();
  }

  /** A case moved somewhere in this reader's scope: refresh what is on screen (bursts coalesce). */
  onNotice(notice) {
    if (this.refreshTimer !== null) return;
    // The open case follows at once; the queue (and its counts) at most once a second while the demo opens cases fast.
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      if (this.openId) {
        if (notice.caseId === this.openId) this.reloadOpenCase();
      } else {
        this.loadQueue();
      }
    }, this.openId ? 200 : 1000);
  }

  relabel() {
    if (this.openId && this.openDoc) this.drawCase();
    else this.drawQueue();
  }

  async loadQueue(more = false) {
    try {
      const params = { ...this.filters, limit: pageSize };
      const [page, totals] = await Promise.all([
        api.listCases(this.ctx.token, params, more ? this.next : null),
        more || this.ctx.who.role === 'hospital' ? Promise.resolve(this.totals) : api.summary(this.ctx.token),
      ]);
      this.cases = more ? [...this.cases, ...page.cases] : page.cases;
      this.next = page.next;
      this.totals = totals;
      this.error = null;
    } catch (error) {
      if (error.status === 401) return this.ctx.onUnauthorized();
      this.error = error.message;
    }

    if (!this.openId) this.drawQueue();
  }

  async loadCase(caseId) {
    try {
      this.openDoc = await api.getCase(this.ctx.token, caseId);
      this.error = null;
    } catch (error) {
      if (error.status === 401) return this.ctx.onUnauthorized();
      this.openDoc = null;
      this.error = error.message;
    }

    this.drawCase();
  }

  /**
   * The open case moved (a push): redraw it unless nothing changed (the reader's own move, already shown) or the reader
   * is writing in the form, whose text a redraw would lose; then say so and let the reader refresh.
   */
  async reloadOpenCase() {
    let doc;
    try {
      doc = await api.getCase(this.ctx.token, this.openId);
    } catch {
      return;
    }

    if (!this.openDoc || doc.caseId !== this.openDoc.caseId || doc.version === this.openDoc.version) return;
    const composing = [...this.root.querySelectorAll('.case-fields textarea, .case-fields input')].some((el) => el.value.trim() !== '');
    if (!composing) {
      this.openDoc = doc;
      this.drawCase();
      return;
    }

    this.root.querySelector('.case-changed')?.remove();
    this.root.querySelector('.case-sheet')?.prepend(h('p', { class: 'case-changed no-print', role: 'status' }, t('cases.changed'), ' ',
      h('button', { type: 'button', class: 'link-button', onclick: () => { this.openDoc = doc; this.drawCase(); } }, t('cases.refresh'))));
  }

  drawQueue() {
    this.root.dataset.mode = 'queue';
    const isHospital = this.ctx.who.role === 'hospital';
    clear(this.root).append(...[
      h('div', { class: 'panel-head' },
        h('h2', { id: 'cases-heading' }, isHospital ? t('cases.ownHeading') : t('cases.queueHeading'), ' ',
          h('span', { class: 'count' }, String(this.cases.length) + (this.next ? '+' : '')))),
      isHospital ? h('p', { class: 'muted cases-hint' }, t('cases.hospitalHint')) : this.summaryBlock(),
      this.filterBar(),
      this.error ? h('p', { class: 'error', role: 'alert' }, this.error) : null,
      this.cases.length === 0
        ? h('p', { class: 'empty' }, t('cases.none'))
        : h('div', { class: 'table-scroll' }, h('table', { class: 'case-queue' },
          h('thead', {}, h('tr', {}, [
            [t('cases.col.case')], [t('cases.col.kind')], [t('cases.col.hospital')], [t('cases.col.amount'), 'num'], [t('cases.col.age'), 'num'],
            [t('cases.col.status')], isHospital ? null : [t('cases.col.owner')], [t('cases.col.due')],
          ].filter(Boolean).map(([c, cls]) => h('th', { scope: 'col', class: cls }, c)))),
          h('tbody', {}, this.cases.map((c) => this.row(c, isHospital))))),
      this.next ? h('button', { type: 'button', class: 'link-button more', onclick: () => this.loadQueue(true) }, t('cases.more')) : null,
    ].filter(Boolean));
  }

  row(c, isHospital) {
    // Counted by the server on the settlement clock the case was stamped by, never by this browser's wall clock.
    const ageDays = c.ageDays ?? 0;
    return h('tr', { class: c.overdue ? 'overdue-row' : null, dataset: { caseId: c.caseId, status: c.status, overdue: c.overdue ? 'true' : null } },
      // A case is named by what it is about (its summary: patient, dates, finding); its number is for the file.
      h('td', { class: 'case-name' }, h('a', { href: `#case/${encodeURIComponent(c.caseId)}`, class: 'case-link' }, caseTitle(c)),
        h('div', { class: 'muted small case-number' }, c.caseId)),
      h('td', {}, h('span', { class: 'severity', dataset: { severity: c.severity } }, term('severity', c.severity)), ' ', term('kind', c.kind)),
      h('td', {}, c.hospitalName ?? c.hospitalId),
      h('td', { class: 'num' }, moneyExact(c.amountAtStake), c.recovered ? h('div', { class: 'muted small' }, t('cases.recoveredShort', { amount: moneyExact(c.recovered) })) : null),
      h('td', { class: 'num' }, t('cases.days', { days: ageDays }), h('div', { class: 'muted small' }, dateTime(c.openedAt).slice(0, 10))),
      h('td', {}, h('span', { class: 'case-status', dataset: { status: c.status } }, term('caseStatus', c.status))),
      isHospital ? null : h('td', {}, c.owner ?? h('span', { class: 'muted' }, t('cases.unowned'))),
      // A decided case has no date to meet; an asked hospital's answer date is the one that matters while it waits.
      h('td', { class: 'nowrap' }, ['confirmed', 'dismissed', 'withdrawn'].includes(c.status) ? '—'
        : dateTime(c.status === 'awaiting-hospital' && c.answerDueAt ? c.answerDueAt : c.dueAt).slice(0, 10),
        c.overdue ? h('span', { class: 'overdue' }, t('cases.overdue')) : null));
  }

  filterBar() {
    const select = (name, options) => h('label', {}, h('span', {}, t(`cases.filter.${name}`)),
      h('select', {
        name,
        onchange: (event) => {
          this.filters[name] = event.target.value;
          this.loadQueue();
        },
      }, options.map(([value, label]) => h('option', { value, selected: this.filters[name] === value }, label))));
    const isHospital = this.ctx.who.role === 'hospital';
    const counties = [...this.ctx.model.entities.values()].filter((e) => e.level === 'county');
    const hospitals = [...this.ctx.model.entities.values()].filter((e) => e.level === 'hospital' && (!this.filters.countyId || e.countyId === this.filters.countyId));
    return h('div', { class: 'filters cases-filters' },
      select('status', [['', t('cases.filter.all')], ...statuses.map((s) => [s, term('caseStatus', s)])]),
      isHospital ? null : select('countyId', [['', t('cases.filter.all')], ...counties.map((c) => [c.id, c.name])]),
      isHospital ? null : select('hospitalId', [['', t('cases.filter.all')], ...hospitals.map((x) => [x.id, x.name])]),
      select('kind', [['', t('cases.filter.all')], ...kinds.map((k) => [k, term('kind', k)])]),
      // An inspector's own work: the cases the token's subject owns.
      this.ctx.who.role === 'inspector' && this.ctx.who.subject
        ? select('owner', [['', t('cases.filter.all')], [this.ctx.who.subject, t('cases.filter.mine')]]) : null,
      select('sort', [['risk', t('cases.sort.risk')], ['amount', t('cases.sort.amount')], ['age', t('cases.sort.age')], ['newest', t('cases.sort.newest')]]));
  }

  summaryBlock() {
    const totals = this.totals;
    if (!totals) return null;
    const byCounty = new Map();
    for (const tally of totals.byCountyAndStatus) {
      const row = byCounty.get(tally.countyId) ?? { active: 0, decided: 0, atStake: 0, recoveredThisYear: 0 };
      if (['confirmed', 'dismissed', 'withdrawn'].includes(tally.status)) row.decided += tally.cases;
      else row.active += tally.cases;
      row.atStake += tally.amountAtStake;
      row.recoveredThisYear += tally.recoveredThisYear;
      byCounty.set(tally.countyId, row);
    }

    const byStatus = statuses.map((s) => [s, totals.byCountyAndStatus.filter((x) => x.status === s)]);
    return h('section', { class: 'cases-summary', 'aria-label': t('cases.summary') },
      h('div', { class: 'kpis' },
        h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, t('cases.kpi.active')), h('div', { class: 'kpi-value' }, String(totals.active))),
        h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, t('cases.kpi.cases')), h('div', { class: 'kpi-value' }, String(totals.cases))),
        h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, t('cases.kpi.atStake')), h('div', { class: 'kpi-value' }, money(totals.amountAtStake))),
        h('div', { class: 'kpi', dataset: { figure: 'recoveredThisYear' } }, h('div', { class: 'kpi-label' }, t('cases.kpi.recovered', { year: totals.year })),
          h('div', { class: 'kpi-value' }, moneyExact(totals.recoveredThisYear)))),
      h('div', { class: 'status-chips' }, byStatus.filter(([, rows]) => rows.length > 0).map(([s, rows]) =>
        h('span', { class: 'case-status', dataset: { status: s } }, `${term('caseStatus', s)} ${rows.reduce((n, r) => n + r.cases, 0)} · ${money(rows.reduce((n, r) => n + r.amountAtStake, 0))}`))),
      byCounty.size > 1 || this.ctx.who.role !== 'inspector' ? h('div', { class: 'table-scroll' }, h('table', { class: 'figures cases-by-county' },
        h('thead', {}, h('tr', {}, [t('cases.col.county'), t('cases.kpi.active'), t('cases.col.decided'), t('cases.kpi.atStake'), t('cases.kpi.recovered', { year: totals.year })]
          .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, [...byCounty].map(([countyId, row]) => h('tr', {},
          h('td', {}, this.ctx.nameOf('county', countyId) ?? countyId), h('td', { class: 'num' }, row.active), h('td', { class: 'num' }, row.decided),
          h('td', { class: 'num' }, moneyExact(row.atStake)), h('td', { class: 'num' }, moneyExact(row.recoveredThisYear))))))) : null);
  }

  drawCase() {
    this.root.dataset.mode = 'case';
    if (!this.openDoc) {
      clear(this.root).append(h('p', { class: 'error', role: 'alert' }, this.error ?? t('cases.notFound')),
        h('button', { type: 'button', class: 'link-button', onclick: () => this.back() }, t('cases.back')));
      return;
    }

    renderCase(this.root, this.openDoc, {
      error: this.error,
      onBack: () => this.back(),
      onPrint: () => {
        document.body.dataset.print = 'case';
        window.print();
        delete document.body.dataset.print;
      },
      onAct: async (action) => {
        try {
          this.openDoc = await api.act(this.ctx.token, this.openDoc.caseId, action);
          this.error = null;
        } catch (error) {
          if (error.status === 401) return this.ctx.onUnauthorized();
          this.error = error.allowed ? `${error.message}（${t('cases.allowedNow')}: ${error.allowed.map((a) => term('caseAction', a)).join('、') || '—'}）` : error.message;
          if (error.status === 409) {
            // Someone moved the case meanwhile, or the move is not allowed now: show the case as it stands, with why.
            const message = this.error;
            await this.loadCase(this.openDoc.caseId);
            this.error = message;
          }
        }

        this.drawCase();
      },
    });
  }

  /**
   * For an alert's dialog: a link to its case; for an inspector or regulator, a button that opens one on an alert
   * about a hospital that has none (the server checks scope and says if it cannot).
   */
  linkFor(alert) {
    const go = (caseId) => {
      document.getElementById('evidence')?.close();
      window.location.hash = `case/${encodeURIComponent(caseId)}`;
    };
    if (alert.caseId) return h('a', { href: `#case/${encodeURIComponent(alert.caseId)}`, onclick: () => go(alert.caseId) }, alert.caseId);
    if (!['inspector', 'regulator'].includes(this.ctx.who.role) || !alert.hospitalId || alert.status === 'withdrawn') return null;
    const status = h('span', { class: 'error', role: 'alert' });
    return h('span', {}, h('button', {
      type: 'button',
      class: 'link-button open-case',
      onclick: async () => {
        try {
          const opened = await api.openCase(this.ctx.token, alert.alertId);
          alert.caseId = opened.caseId;
          go(opened.caseId);
        } catch (error) {
          status.textContent = ` ${error.message}`;
        }
      },
    }, t('cases.openOnAlert')), status);
  }

  back() {
    window.location.hash = 'cases';
  }
}
