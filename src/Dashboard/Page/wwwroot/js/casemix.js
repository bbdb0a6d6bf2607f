// DRG 运行指标 of the selected county, alliance or hospital: 入组率 (grouping rate), CMI, the heavy share (severity 1
// and 3), 费用消耗指数 and 时间消耗指数 (cost and time against the region's average for the same DRGs) and the DRG share
// of the inpatient fund paid. For a hospital, its CMI and heavy share by month against its same-level peers (a rise
// above its own history is what the upcoding watch follows); for a county, the regulator's ranking of its hospitals.
import { h, clear } from './dom.js';
import { t, monthLabel } from './i18n.js';
import { percent, count } from './format.js';

const colors = { cmi: '#1f4e8c', peerCmi: '#8fb0dc', heavy: '#c2332b', peerHeavy: '#e8a29d' };

/** The indicators a ranking can be sorted by, as the server names them. */
export const rankingKeys = ['cmi', 'heavyShare', 'groupingRate', 'costIndex', 'timeIndex', 'drgFundShare'];

const ratio = (value) => (value == null ? '—' : Number(value).toFixed(3));
const share = (value) => (value == null ? '—' : percent(value, 1));

const formats = {
  groupingRate: share, cmi: ratio, heavyShare: share, costIndex: ratio, timeIndex: ratio, drgFundShare: share,
};

export class CaseMixView {
  constructor(section, font, onSort) {
    this.section = section;
    this.font = font;
    this.onSort = onSort;
    this.chart = null;
    this.chartElement = h('div', { class: 'chart casemix-chart', id: 'casemix-chart' });
    this.resize = new ResizeObserver(() => this.chart?.resize());
    this.resize.observe(this.chartElement);
  }

  /** Renders entity.caseMix (GET /api/casemix/{level}/{id}) and, for a county, entity.caseMixRanking. */
  show(entity) {
    const section = this.section;
    clear(section);
    const report = entity?.caseMix;
    section.hidden = !entity;
    if (section.hidden) return;

    const heading = h('h3', { class: 'section-title' }, t('casemix.heading'));
    if (!report) {
      section.append(heading, h('p', { class: 'muted' }, entity.caseMixError ? t('casemix.failed', { error: entity.caseMixError }) : t('detail.loading')));
      return;
    }

    const ytd = report.yearToDate;
    if (!ytd || ytd.cases === 0) {
      section.append(heading, h('p', { class: 'muted' }, t('casemix.pending')));
      return;
    }

    const figure = (key, note) => h('div', { class: 'kpi', dataset: { figure: key } },
      h('div', { class: 'kpi-label' }, t(`casemix.${key}`)),
      h('div', { class: 'kpi-value num' }, formats[key](ytd[key])),
      note ? h('div', { class: 'kpi-note' }, note) : null);
    section.append(heading,
      h('div', { class: 'casemix' },
        figure('groupingRate', t('casemix.groupedOf', { grouped: count(ytd.groupedCases), cases: count(ytd.cases) })),
        figure('cmi'),
        figure('heavyShare', t('casemix.heavyOf', { heavy: count(ytd.heavyCases), split: count(ytd.splitCases) })),
        figure('costIndex'),
        figure('timeIndex'),
        figure('drgFundShare')),
      h('p', { class: 'chart-note' }, t('casemix.note')));

    if (report.level === 'hospital' && report.months?.length) {
      section.append(h('h4', { class: 'section-subtitle' }, t('casemix.trend', { peers: report.peers })), this.chartElement);
      this.drawTrend(report);
    }

    if (report.level === 'county' && entity.caseMixRanking) {
      section.append(this.ranking(entity));
    }
  }

  drawTrend(report) {
    if (!window.echarts) return;
    if (!this.chart) this.chart = window.echarts.init(this.chartElement, null, { renderer: 'svg' });
    const months = report.months;
    const line = (name, data, color, yAxisIndex, dashed) => ({
      name, type: 'line', yAxisIndex, data, symbol: 'circle', symbolSize: 5, connectNulls: false,
      lineStyle: { color, width: 2, type: dashed ? 'dashed' : 'solid' }, itemStyle: { color },
    });
    this.chart.setOption({
      animation: false,
      textStyle: { fontFamily: this.font },
      grid: { left: 12, right: 12, top: 40, bottom: 8, containLabel: true },
      legend: { top: 4, left: 0, itemWidth: 18, itemHeight: 8 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month)) },
      yAxis: [
        { type: 'value', name: 'CMI', scale: true, axisLabel: { formatter: (v) => v.toFixed(2) } },
        { type: 'value', name: t('casemix.heavyShare'), min: 0, max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` }, splitLine: { show: false } },
      ],
      series: [
        line(t('casemix.seriesCmi'), months.map((m) => m.figures.cmi), colors.cmi, 0, false),
        line(t('casemix.seriesPeerCmi'), months.map((m) => m.peerCmi), colors.peerCmi, 0, true),
        line(t('casemix.seriesHeavy'), months.map((m) => m.figures.heavyShare), colors.heavy, 1, false),
        line(t('casemix.seriesPeerHeavy'), months.map((m) => m.peerHeavyShare), colors.peerHeavy, 1, true),
      ],
    }, { notMerge: true });
  }

  ranking(entity) {
    const sort = entity.caseMixSort ?? 'cmi';
    const header = h('tr', {},
      h('th', {}, t('casemix.rank')),
      h('th', {}, t('casemix.hospital')),
      h('th', {}, t('casemix.cases')),
      rankingKeys.map((key) => h('th', { class: key === sort ? 'sorted' : null },
        h('button', { type: 'button', class: 'link-button', dataset: { sort: key }, onclick: () => this.onSort(entity, key) }, t(`casemix.${key}`)))));
    const rows = entity.caseMixRanking.map((row) => h('tr', { dataset: { hospital: row.hospitalId } },
      h('td', { class: 'num' }, row.rank),
      h('td', {}, row.name),
      h('td', { class: 'num' }, count(row.yearToDate.cases)),
      rankingKeys.map((key) => h('td', { class: 'num' }, formats[key](row.yearToDate[key])))));
    return h('div', { class: 'casemix-ranking' },
      h('h4', { class: 'section-subtitle' }, t('casemix.ranking')),
      h('table', { id: 'casemix-ranking' }, h('thead', {}, header), h('tbody', {}, rows)));
  }
}
