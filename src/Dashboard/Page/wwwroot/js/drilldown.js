// 费用结构分析: what drives a fund's spend. For the selected fund and month, its DRG groups, departments, doctors or
// months with cases, fund paid and cost per case, each beside the same group's earlier months and its same-level peers;
// a click on a figure lists the claims behind it. The server decides the scope: a hospital token reads only its own
// hospital, and peers arrive only as pooled figures.
import { h, clear } from './dom.js';
import { t, lang } from './i18n.js';
import { count } from './format.js';
import * as session from './session.js';
import { getBlob, openBlob, saveBlob } from './api.js';

const dimensions = ['drg', 'department', 'doctor', 'month'];

// One unit per kind of figure, so a column never mixes 万元 and 元: totals in 万元 (¥K in English), per-case
// amounts and single claims in whole yuan.
const whole = (value) => Number(value).toLocaleString('en-US', { maximumFractionDigits: 0 });
function total(value) {
  if (value == null) return '—';
  return lang() === 'zh'
    ? `${(Number(value) / 1e4).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}万元`
    : `¥${(Number(value) / 1e3).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}K`;
}
function yuan(value) {
  if (value == null) return '—';
  return lang() === 'zh' ? `${whole(value)}元` : `¥${whole(value)}`;
}
const pageSize = 20;

export class DrillDownView {
  constructor(section, token) {
    this.section = section;
    this.token = token;
    this.entity = null;
    this.by = 'drg';
    this.month = '';
    this.report = null;
    this.claims = null;
    this.error = null;
    this.generation = 0;
  }

  /** Shows the drill-down of a readable fund (a county, alliance or hospital); hides for anything else. */
  show(entity) {
    const same = this.entity?.key === entity?.key;
    this.entity = entity?.readable ? entity : null;
    this.section.hidden = !this.entity;
    if (!this.entity) return;
    if (!same) {
      this.month = '';
      this.report = null;
      this.claims = null;
      this.load();
    }
    this.render();
  }

  relabel() {
    if (this.entity) this.render();
  }

  async load() {
    const entity = this.entity;
    const generation = ++this.generation;
    this.error = null;
    this.section.dataset.state = 'loading';
    try {
      const report = await session.getJson(this.token, `api/drilldown/${entity.level}/${encodeURIComponent(entity.id)}`,
        { by: this.by, month: this.month });
      if (generation !== this.generation) return;
      this.report = report;
      this.month = report.month ?? '';
    } catch (error) {
      if (generation !== this.generation) return;
      this.report = null;
      this.error = error.message;
    }
    this.section.dataset.state = 'ready';
    this.render();
  }

  async openClaims(row, offset = 0) {
    const entity = this.entity;
    const generation = this.generation;
    const month = this.by === 'month' ? '' : this.month;
    try {
      const page = await session.getJson(this.token, `api/drilldown/${entity.level}/${encodeURIComponent(entity.id)}/claims`,
        { by: this.by, key: row.key, month, limit: pageSize, offset });
      if (generation !== this.generation) return;
      const earlier = offset > 0 && this.claims?.key === row.key ? this.claims.items : [];
      this.claims = { key: row.key, items: [...earlier, ...page.claims], nextOffset: page.nextOffset, row };
    } catch (error) {
      this.claims = { key: row.key, items: [], nextOffset: null, row, error: error.message };
    }
    this.render();
    this.section.querySelector('.drill-claims')?.scrollIntoView({ block: 'nearest' });
  }

  render() {
    const report = this.report;
    const tabs = h('div', { class: 'drill-tabs', role: 'group' }, dimensions.map((by) =>
      h('button', {
        type: 'button', class: 'drill-tab', dataset: { by }, 'aria-pressed': String(by === this.by),
        onclick: () => { this.by = by; this.claims = null; this.load(); this.render(); },
      }, t(`drill.by.${by}`))));
    const months = h('select', { class: 'drill-month', 'aria-label': t('drill.month'), disabled: this.by === 'month' },
      h('option', { value: '' }, t('drill.latestMonth')),
      Array.from({ length: 12 }, (_, i) => {
        const value = `${report?.fundYear ?? new Date().getFullYear()}-${String(i + 1).padStart(2, '0')}`;
        return h('option', { value, selected: value === this.month }, t('drill.monthOption', { month: i + 1 }));
      }));
    months.addEventListener('change', () => { this.month = months.value; this.claims = null; this.load(); });

    const body = [];
    if (this.error) {
      body.push(h('p', { class: 'error' }, t('drill.failed', { error: this.error })));
    } else if (!report) {
      body.push(h('p', { class: 'muted' }, t('detail.loading')));
    } else if (report.rows.length === 0) {
      body.push(h('p', { class: 'muted' }, t('drill.empty')));
    } else {
      body.push(h('p', { class: 'muted small drill-summary' }, t(this.by === 'month' ? 'drill.summaryYear' : 'drill.summary', {
        month: report.month ?? '', cases: count(report.total.cases), paid: total(report.total.fundPaid),
        peers: report.peerHospitals, minimum: report.minimumPeerHospitals,
      })));
      body.push(this.table(report));
    }
    if (this.claims) body.push(this.claimList());

    clear(this.section).append(
      h('div', { class: 'drill-head' },
        h('h3', { class: 'section-title' }, t('drill.heading')),
        h('div', { class: 'drill-tools' }, tabs, months)),
      ...[this.reportLinks()].filter(Boolean),
      ...body);
  }

  table(report) {
    const vs = (value) => value == null ? '—' : `${Number(value).toFixed(0)}%`;
    const flag = (value) => value == null ? null : value >= 120 ? 'high' : value <= 80 ? 'low' : null;
    return h('div', { class: 'drill-table-wrap' }, h('table', { class: 'drill-table', dataset: { by: report.dimension } },
      h('thead', {}, h('tr', {},
        h('th', {}, t(`drill.key.${report.dimension}`)),
        h('th', { class: 'num', title: t('drill.casesHint') }, t('drill.cases')),
        h('th', { class: 'num' }, t('drill.fundPaid')),
        h('th', { class: 'num' }, t('drill.costPerCase')),
        h('th', { class: 'num' }, t('drill.fundPerCase')),
        h('th', { class: 'num', title: t('drill.vsEarlierHint') }, t('drill.vsEarlier')),
        h('th', { class: 'num', title: t('drill.vsPeersHint') }, t('drill.vsPeers')))),
      h('tbody', {}, report.rows.map((row) => h('tr', { dataset: { key: row.key } },
        h('th', { scope: 'row' }, row.key === '' ? t(`drill.none.${report.dimension}`) : row.key),
        h('td', { class: 'num' }, count(row.figures.cases),
          row.casesVsEarlierPercent == null ? null : h('span', { class: 'drill-vs', title: t('drill.casesHint'), dataset: { flag: flag(row.casesVsEarlierPercent) } }, ` ${vs(row.casesVsEarlierPercent)}`)),
        h('td', { class: 'num' }, h('button', {
          type: 'button', class: 'link-button drill-open', title: t('drill.openClaims'),
          onclick: () => this.openClaims(row),
        }, total(row.figures.fundPaid))),
        h('td', { class: 'num' }, yuan(row.figures.costPerCase)),
        h('td', { class: 'num' }, yuan(row.figures.fundPaidPerCase)),
        h('td', { class: 'num', dataset: { flag: flag(row.costPerCaseVsEarlierPercent) } }, vs(row.costPerCaseVsEarlierPercent)),
        h('td', { class: 'num', dataset: { flag: flag(row.costPerCaseVsPeersPercent) } },
          row.peers ? vs(row.costPerCaseVsPeersPercent) : h('span', { class: 'muted', title: t('drill.fewPeers', { minimum: report.minimumPeerHospitals }) }, '—')))))));
  }

  /** 基金运行分析月报 of a county or alliance: a printable page and an .xlsx, for the month shown. */
  reportLinks() {
    const entity = this.entity;
    if (entity.level !== 'county' && entity.level !== 'alliance') return null;
    const path = `api/reports/monthly/${entity.level}/${encodeURIComponent(entity.id)}`;
    const month = this.by === 'month' ? '' : this.month;
    const fetchBlob = (format) => getBlob(this.token, path, { format, month });
    const status = h('span', { class: 'muted small drill-report-status', role: 'status' });
    const act = (action) => async () => {
      status.textContent = '';
      try { await action(); } catch (error) { status.textContent = t('drill.reportFailed', { error: error.message }); }
    };
    return h('div', { class: 'drill-report' },
      h('span', {}, t('drill.report')),
      h('button', {
        type: 'button', class: 'link-button', id: 'report-print',
        onclick: act(async () => {
          openBlob(await fetchBlob('html'));
        }),
      }, t('drill.reportPrint')),
      h('button', {
        type: 'button', class: 'link-button', id: 'report-xlsx',
        onclick: act(async () => {
          saveBlob(await fetchBlob('xlsx'), `基金运行分析月报-${entity.id}-${month || 'latest'}.xlsx`);
        }),
      }, t('drill.reportXlsx')),
      status);
  }

  claimList() {
    const claims = this.claims;
    const keyText = claims.key === '' ? t(`drill.none.${this.by}`) : claims.key;
    return h('section', { class: 'drill-claims', dataset: { key: claims.key } },
      h('div', { class: 'drill-head' },
        h('h4', {}, t('drill.claimsHeading', { key: keyText })),
        h('button', { type: 'button', class: 'link-button', onclick: () => { this.claims = null; this.render(); } }, t('common.close'))),
      claims.error ? h('p', { class: 'error' }, t('drill.failed', { error: claims.error })) : null,
      h('div', { class: 'drill-table-wrap' }, h('table', { class: 'drill-table drill-claim-table' },
        h('thead', {}, h('tr', {},
          ['claimId', 'patient', 'stay', 'diagnosis', 'drg', 'totalCost', 'fundPaid'].map((k) =>
            h('th', { class: k === 'totalCost' || k === 'fundPaid' ? 'num' : null }, t(`drill.claim.${k}`))))),
        h('tbody', {}, claims.items.map((c) => h('tr', { dataset: { claimId: c.claimId, hospitalId: c.hospitalId } },
          h('td', { class: 'mono' }, c.claimId),
          h('td', { class: 'mono' }, c.patientId ?? '—'),
          h('td', {}, `${c.admissionDate ?? '—'} – ${c.dischargeDate ?? '—'}`),
          h('td', { class: 'mono' }, c.principalDiagnosis ?? '—'),
          h('td', { class: 'mono' }, c.drgCode ?? t('drill.none.drg')),
          h('td', { class: 'num' }, yuan(c.totalCost)),
          h('td', { class: 'num' }, yuan(c.fundPaid))))))),
      claims.nextOffset != null
        ? h('button', { type: 'button', class: 'link-button drill-more', onclick: () => this.openClaims(claims.row, claims.nextOffset) }, t('drill.more'))
        : null);
  }
}
