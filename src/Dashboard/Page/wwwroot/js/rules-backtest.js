// 回溯测试: a draft tried over a past period of the ledger beside the rules in force (POST /api/backtests, then GET
// /api/backtests/{id} every half second while it runs). Done, it shows what the draft would change — findings added
// (新增), removed (消失) and unchanged (不变) — in all, by month (a chart), by county and by hospital, and the examples
// behind each hospital's figures one click away. The figures are the server's; the page only words and draws them.
import { h, clear, kpi } from './dom.js';
import { t, term, monthLabel } from './i18n.js';
import { count, dateTime, chinaDate, percent } from './format.js';
import { getJson, postJson } from './api.js';
import { scopeText, ruleName, errorBeside } from './rules-words.js';

const pollMs = 500;
const changes = ['added', 'removed', 'unchanged'];
const colors = { added: '#dd6f1f', removed: '#1f4e8c' };
const exampleColumns = ['change', 'kind', 'hospital', 'claims', 'firstDischarge', 'secondAdmission', 'intervalDays', 'severity', 'knownOn'];
// A budget alert is about an account on a day, not a pair of stays: its figures are the day's shares.
const budgetColumns = ['change', 'account', 'transition', 'severity', 'knownOn', 'usedShare', 'timeShare', 'gapPoints'];
const numeric = new Set(['intervalDays', 'usedShare', 'timeShare', 'gapPoints']);

export class BacktestPanel {
  /** context: { token, model, onUnauthorized, rule, version, font }: the draft version of the rule to try. */
  constructor(context) {
    this.ctx = context;
    this.ruleId = context.rule.ruleId;
    this.version = context.version.version;
    this.element = h('section', { class: 'pkg-section case-actions rules-backtest', id: 'rules-backtest', dataset: { version: this.version } });
    const today = chinaDate(new Date().toISOString());
    this.from = `${today.slice(0, 4)}-01-01`;
    this.to = today;
    this.doc = null;
    this.errors = {};
    this.timer = null;
    this.closed = false;
    this.examplesFor = null;
    this.isDraft = true;
    this.chart = null;
    // The chart follows its box: a narrower window (or a phone turned) redraws it to fit.
    this.resize = new ResizeObserver(() => this.chart?.resize());
    this.draw();
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.resize.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }

  relabel() {
    this.draw();
  }

  /** Published (or retired) since: its results stay to read, but only a draft is tried again. */
  stillDraft(isDraft) {
    if (isDraft === this.isDraft) return;
    this.isDraft = isDraft;
    this.draw();
  }

  async start(event) {
    event.preventDefault();
    this.errors = {};
    this.doc = null;
    this.examplesFor = null;
    clearTimeout(this.timer);
    try {
      const started = await postJson(this.ctx.token, 'api/backtests', { ruleId: this.ruleId, version: this.version, from: this.from, to: this.to });
      this.doc = { backtestId: started.backtestId, status: 'running', progress: 0, claimsRead: 0 };
      this.draw();
      this.poll(started.backtestId);
    } catch (error) {
      if (error.status === 401) return this.ctx.onUnauthorized();
      if (error.errors) {
        for (const [field, messages] of Object.entries(error.errors)) this.errors[field] = fieldMessage(field, messages[0]);
      } else {
        this.errors.form = t(error.status === 403 ? 'rules.refused' : 'rules.bt.failedToStart', { error: error.message });
      }

      this.draw();
    }
  }

  async poll(id) {
    if (this.closed) return;
    try {
      this.doc = await getJson(this.ctx.token, `api/backtests/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error.status === 401) return this.ctx.onUnauthorized();
      this.doc = { ...this.doc, status: 'failed', error: error.message };
    }

    if (this.closed) return;
    this.draw();
    if (this.doc.status === 'running') this.timer = setTimeout(() => this.poll(id), pollMs);
  }

  draw() {
    const el = this.element;
    this.chart?.dispose();
    this.chart = null;
    clear(el);
    const doc = this.doc;
    el.dataset.status = doc?.status ?? (Object.keys(this.errors).length > 0 ? 'refused' : 'idle');
    el.append(
      h('h4', { class: 'section-title' }, t('rules.bt.heading', { version: this.version, scope: scopeText(this.ctx.version.scope, this.ctx.model) })),
      h('p', { class: 'muted small' }, t('rules.bt.hint')),
      this.form());
    if (!doc) return;
    if (doc.status === 'running') {
      el.append(h('div', { class: 'rules-progress', role: 'status' },
        h('progress', { id: 'rules-bt-progress', max: 1, value: Number(doc.progress ?? 0) }),
        h('span', { class: 'small' }, t('rules.bt.running', { progress: percent(doc.progress ?? 0, 0), claims: count(doc.claimsRead ?? 0) }))));
      return;
    }

    if (doc.status === 'failed') {
      el.append(h('p', { class: 'error', role: 'alert', id: 'rules-bt-failed' }, t('rules.bt.failed', { error: doc.error ?? '—' })));
      return;
    }

    el.append(this.results(doc));
  }

  form() {
    if (!this.isDraft) return null;
    const error = (field) => errorBeside(this.errors, field);
    const running = this.doc?.status === 'running';
    return h('form', { class: 'rules-bt-form', novalidate: true, onsubmit: (event) => this.start(event) },
      h('label', { class: 'field', dataset: { field: 'from' } }, h('span', {}, t('rules.bt.from')),
        h('input', { id: 'rules-bt-from', type: 'date', value: this.from, onchange: (event) => { this.from = event.target.value; } }), error('from')),
      h('label', { class: 'field', dataset: { field: 'to' } }, h('span', {}, t('rules.bt.to')),
        h('input', { id: 'rules-bt-to', type: 'date', value: this.to, onchange: (event) => { this.to = event.target.value; } }), error('to')),
      h('button', { type: 'submit', class: 'primary', id: 'rules-bt-start', disabled: running }, t(this.doc ? 'rules.bt.again' : 'rules.bt.start')),
      error('form') ?? error('ruleId') ?? error('version'));
  }

  results(doc) {
    const total = doc.total ?? { added: 0, removed: 0, unchanged: 0 };
    const live = Number(total.removed) + Number(total.unchanged);
    const tried = Number(total.added) + Number(total.unchanged);
    const chartBox = h('div', { class: 'rules-bt-chart', id: 'rules-bt-chart', role: 'img', 'aria-label': t('rules.bt.byMonth') });
    const box = h('div', { class: 'rules-bt-results', id: 'rules-bt-results', dataset: { backtest: doc.backtestId } },
      h('p', { class: 'pkg-sentence', id: 'rules-bt-summary' }, t('rules.bt.summary', {
        from: doc.from, to: doc.to, claims: count(doc.claimsRead), live: count(live), tried: count(tried), version: doc.version,
      })),
      h('div', { class: 'kpis pkg-kpis rules-bt-totals' }, changes.map((c) => kpi(c, t(`rules.bt.${c}`), count(total[c]), t(`rules.bt.${c}.note`)))),
      h('h5', { class: 'section-subtitle' }, t('rules.bt.byMonth')),
      (doc.byMonth ?? []).length > 0 ? chartBox : h('p', { class: 'muted small' }, t('rules.bt.nothing')),
      this.table('county', doc.byCounty ?? []),
      this.table('hospital', doc.byHospital ?? []),
      h('div', { class: 'rules-buttons' },
        h('button', {
          type: 'button', class: 'link-button', id: 'rules-bt-examples-toggle', 'aria-expanded': String(this.examplesFor !== null),
          onclick: () => { this.examplesFor = this.examplesFor === null ? '*' : null; this.draw(); },
        }, t(this.examplesFor === null ? 'rules.bt.showExamples' : 'rules.bt.hideExamples'))),
      this.examplesFor !== null ? this.examples(doc) : null,
      h('p', { class: 'muted small' }, t('rules.bt.finished', { at: dateTime(doc.finishedAt) })));
    if ((doc.byMonth ?? []).length > 0) requestAnimationFrame(() => this.drawChart(chartBox, everyMonth(doc)));
    return box;
  }

  /** By county or by hospital: a hospital's row opens its examples. */
  table(level, rows) {
    if (rows.length === 0) return null;
    const name = (row) => row.name ?? (level === 'county' ? this.ctx.model.entities.get(`county:${row.key}`)?.name : this.ctx.model.entities.get(`hospital:${row.key}`)?.name) ?? row.key;
    return h('div', { class: 'rules-bt-table' },
      h('h5', { class: 'section-subtitle' }, t(`rules.bt.by.${level}`)),
      h('div', { class: 'table-scroll' }, h('table', { class: 'case-queue rules-table', id: `rules-bt-by-${level}` },
        h('thead', {}, h('tr', {}, h('th', {}, t(`rules.bt.col.${level}`)), changes.map((c) => h('th', { class: 'num' }, t(`rules.bt.${c}`))))),
        h('tbody', {}, rows.map((row) => h('tr', { dataset: { key: row.key, selected: this.examplesFor === row.key ? 'true' : null } },
          h('th', { scope: 'row' }, level === 'hospital'
            ? h('button', {
              type: 'button', class: 'link-button rules-bt-hospital', 'aria-expanded': String(this.examplesFor === row.key),
              onclick: () => { this.examplesFor = this.examplesFor === row.key ? null : row.key; this.draw(); },
            }, name(row))
            : name(row)),
          changes.map((c) => h('td', { class: 'num', dataset: { change: c } }, count(row[c])))))))));
  }

  budgetRow(e) {
    return h('tr', { dataset: { change: e.change } },
      h('td', {}, h('span', { class: 'rules-change', dataset: { change: e.change } }, t(`rules.bt.${e.change}`))),
      h('td', {}, e.accountName ?? e.accountId),
      h('td', {}, t(`transition.${e.transition}`)),
      h('td', {}, h('span', { class: 'severity', dataset: { severity: e.severity } }, term('severity', e.severity))),
      h('td', { class: 'nowrap' }, e.knownOn),
      h('td', { class: 'num' }, percent(e.usedShare)),
      h('td', { class: 'num' }, percent(e.timeShare)),
      h('td', { class: 'num' }, t('rules.bt.points', { points: (e.gapPoints >= 0 ? '+' : '') + e.gapPoints.toFixed(1) })));
  }

  examples(doc) {
    const all = doc.examples ?? [];
    const shown = this.examplesFor === '*' ? all : all.filter((e) => e.hospitalId === this.examplesFor);
    const hospital = this.examplesFor === '*' ? null : shown[0]?.hospitalName ?? this.examplesFor;
    // A backtest of one kind of finding names it in its heading; a column of the same words a row says nothing.
    const budget = doc.ruleId === 'budget-pace';
    const columns = budget ? budgetColumns : (doc.byKind ?? []).length > 1 ? exampleColumns : exampleColumns.filter((c) => c !== 'kind');
    const kind = (doc.byKind ?? []).length === 1 ? this.kindText(doc.byKind[0].key) : null;
    return h('div', { class: 'rules-bt-examples', id: 'rules-bt-examples', dataset: { for: this.examplesFor } },
      h('h5', { class: 'section-subtitle' }, hospital ? t('rules.bt.examplesOf', { hospital }) : t('rules.bt.examples'), kind ? ` · ${kind}` : ''),
      shown.length === 0 ? h('p', { class: 'muted small' }, t('rules.bt.noExamples')) : h('div', { class: 'table-scroll' }, h('table', { class: 'case-queue rules-table' },
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: numeric.has(c) ? 'num' : null }, t(`rules.bt.ex.${c}`))))),
        h('tbody', {}, shown.map((e) => budget ? this.budgetRow(e) : h('tr', { dataset: { change: e.change } },
          h('td', {}, h('span', { class: 'rules-change', dataset: { change: e.change } }, t(`rules.bt.${e.change}`))),
          columns.includes('kind') ? h('td', {}, this.kindText(e.kind)) : null,
          h('td', {}, e.hospitalName ?? e.hospitalId),
          h('td', { class: 'mono' }, `${e.firstClaimId} → ${e.secondClaimId}`),
          h('td', { class: 'nowrap' }, e.firstDischarge),
          h('td', { class: 'nowrap' }, e.secondAdmission),
          h('td', { class: 'num' }, t('rules.bt.days', { days: e.intervalDays })),
          h('td', {}, h('span', { class: 'severity', dataset: { severity: e.severity } }, term('severity', e.severity))),
          h('td', { class: 'nowrap' }, e.knownOn)))))),
      all.length > 0 ? h('p', { class: 'muted small' }, t('rules.bt.examplesNote')) : null);
  }

  /** A finding's kind (split-hospitalization/pair) in words: the rule's name and what it found. */
  kindText(kind) {
    const [ruleId, what] = String(kind ?? '').split('/');
    const rule = ruleId === this.ruleId ? this.ctx.rule : null;
    const name = rule ? ruleName(rule) : term('kind', ruleId);
    return what ? `${name} · ${term('rules.bt.finding', what)}` : name;
  }

  drawChart(box, months) {
    if (!window.echarts || this.closed || !box.isConnected) return;
    this.chart = window.echarts.init(box, null, { renderer: 'svg' });
    this.resize.disconnect();
    this.resize.observe(box);
    const label = (key) => {
      const [year, month] = key.split('-').map(Number);
      return months.some((m) => !m.key.startsWith(String(year))) ? `${year}-${monthLabel(month)}` : monthLabel(month);
    };
    const font = getComputedStyle(document.documentElement).getPropertyValue('--font').trim();
    this.chart.setOption({
      animation: false,
      textStyle: { fontFamily: font },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: '#3c4856', fontSize: 12 } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => label(m.key)), axisLabel: { color: '#5f6b7a', hideOverlap: true }, axisLine: { lineStyle: { color: '#b9c2cd' } } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#5f6b7a' }, splitLine: { lineStyle: { color: '#eef1f5' } } },
      series: ['added', 'removed'].map((c) => ({
        name: t(`rules.bt.${c}`), type: 'bar', data: months.map((m) => Number(m[c] ?? 0)), itemStyle: { color: colors[c] }, barMaxWidth: 18,
      })),
    }, { notMerge: true });
    box.dataset.months = String(months.length);
  }
}

/** Every month of the period, those without a change at zero, so the chart reads as the period it covers. */
function everyMonth(doc) {
  const known = new Map((doc.byMonth ?? []).map((m) => [m.key, m]));
  const months = [];
  let [year, month] = String(doc.from).split('-').map(Number);
  const [lastYear, lastMonth] = String(doc.to).split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(known.get(key) ?? { key, added: 0, removed: 0, unchanged: 0 });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }

  // A period the server reports months outside of (it should not) still shows every month it reports.
  return [...months, ...(doc.byMonth ?? []).filter((m) => !months.some((x) => x.key === m.key))];
}

/** The server's reason a backtest was refused (English, naming the field), in the page language where its shape is known. */
function fieldMessage(field, message) {
  const text = String(message ?? '');
  if (/is required/.test(text)) return t('rules.error.required');
  const today = /after today \((\d{4}-\d{2}-\d{2})\)/.exec(text);
  if (today) return t('rules.bt.error.future', { today: today[1] });
  if (/is before from/.test(text)) return t('rules.bt.error.period');
  const most = /at most (\d+)/.exec(text);
  if (most) return t('rules.bt.error.tooLong', { days: most[1] });
  if (/tries a draft/.test(text)) return t('rules.bt.error.notDraft');
  return text;
}
