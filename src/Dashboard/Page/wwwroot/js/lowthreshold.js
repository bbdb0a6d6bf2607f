// A hospital's share of short, cheap stays (降低住院指征收治住院: admitting patients an outpatient visit would have
// served) month by month beside the median of its same-level peers, with its admissions (住院人次) as bars: a share that
// climbs while admissions rise is what an inspector looks at. The server judges; the block shows where the alarm stands.
import { h, clear } from './dom.js';
import { t, monthLabel } from './i18n.js';
import { percent, count } from './format.js';

const colors = { share: '#c2332b', peers: '#8a96a6', admissions: 'rgba(31,78,140,0.25)' };

/** Renders one hospital's low-threshold standing (GET /api/low-threshold/hospital/{id}) into a section. */
export function renderLowThreshold(section, entity, font) {
  section.hidden = entity?.level !== 'hospital';
  if (section.hidden) {
    disposeChart(section);
    clear(section);
    return;
  }

  const standing = entity.lowThreshold;
  const heading = h('h3', { class: 'section-title' }, t('lowThreshold.heading'));
  if (!standing) {
    disposeChart(section);
    clear(section).append(heading, h('p', { class: 'muted' }, entity.lowThresholdError
      ? t('lowThreshold.failed', { error: entity.lowThresholdError })
      : t('detail.loading')));
    return;
  }

  section.dataset.level = standing.level;
  const months = standing.months ?? [];
  if (months.length === 0) {
    disposeChart(section);
    clear(section).append(heading, h('p', { class: 'muted' }, t('lowThreshold.pending')));
    return;
  }

  const latest = [...months].reverse().find((m) => m.share != null) ?? months[months.length - 1];
  const figure = (key, label, value, note) =>
    h('div', { class: 'kpi', dataset: { figure: key } },
      h('div', { class: 'kpi-label' }, label),
      h('div', { class: 'kpi-value num' }, value),
      note ? h('div', { class: 'kpi-note' }, note) : null);
  const state = standing.level === 'none'
    ? t('lowThreshold.quiet', { statistic: standing.statistic.toFixed(1), threshold: standing.threshold })
    : t(`lowThreshold.${standing.level}`, { onset: standing.onset ?? '—' });
  const chartElement = section.querySelector('.lowthreshold-chart') ?? h('div', { class: 'chart lowthreshold-chart', id: 'low-threshold-chart' });
  const children = [
    heading,
    h('p', { class: 'chart-note' }, t('lowThreshold.definition')),
    h('div', { class: 'lowthreshold' },
      figure('share', t('lowThreshold.share', { month: latest.month }), latest.share == null ? '—' : percent(latest.share, 1),
        t('lowThreshold.counts', { events: count(latest.shortAndCheap), stays: count(latest.stays) })),
      figure('baseline', t('lowThreshold.baseline'), standing.baseline == null ? '—' : percent(standing.baseline, 1),
        standing.baseline == null ? t('lowThreshold.noBaseline') : null),
      figure('peerShare', t('lowThreshold.peerShare'), standing.peerShare == null ? '—' : percent(standing.peerShare, 1),
        standing.peerShare == null ? t('lowThreshold.noPeers') : t('lowThreshold.peers', { peers: standing.peers }))),
    chartElement,
    h('p', { class: standing.level === 'none' ? 'lowthreshold-state' : 'lowthreshold-state alerted' }, state),
  ];
  clear(section).append(...children);
  drawChart(section, chartElement, months, font);
}

function disposeChart(section) {
  section.lowThresholdChart?.dispose();
  section.lowThresholdChart = null;
}

/** Bars of admissions on the right axis; the hospital's share and its peers' median share on the left. */
function drawChart(section, element, months, font) {
  if (!window.echarts) return;
  if (!section.lowThresholdChart || section.lowThresholdChart.getDom() !== element) {
    disposeChart(section);
    section.lowThresholdChart = window.echarts.init(element, null, { renderer: 'svg' });
  }

  const labels = months.map((m) => monthLabel(Number(m.month.slice(5, 7))));
  section.lowThresholdChart.setOption({
    animation: false,
    textStyle: { fontFamily: font },
    grid: { left: 12, right: 12, top: 40, bottom: 8, containLabel: true },
    legend: { top: 4, left: 0, itemWidth: 18, itemHeight: 8, textStyle: { color: '#3c4856' } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { color: '#5f6b7a' }, axisLine: { lineStyle: { color: '#b9c2cd' } } },
    yAxis: [
      { type: 'value', min: 0, axisLabel: { color: '#5f6b7a', formatter: (v) => percent(v, 0) }, splitLine: { lineStyle: { color: '#eef1f5' } } },
      { type: 'value', min: 0, axisLabel: { color: '#5f6b7a' }, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('lowThreshold.admissions'), type: 'bar', yAxisIndex: 1, data: months.map((m) => m.admissions),
        itemStyle: { color: colors.admissions }, tooltip: { valueFormatter: (v) => count(v) },
      },
      {
        name: t('lowThreshold.shareSeries'), type: 'line', data: months.map((m) => m.share), connectNulls: false,
        itemStyle: { color: colors.share }, lineStyle: { color: colors.share, width: 2 }, z: 3,
        tooltip: { valueFormatter: (v) => (v == null ? '—' : percent(v, 1)) },
      },
      {
        name: t('lowThreshold.peerSeries'), type: 'line', data: months.map((m) => m.peerShare), connectNulls: false,
        itemStyle: { color: colors.peers }, lineStyle: { color: colors.peers, type: 'dashed' },
        tooltip: { valueFormatter: (v) => (v == null ? '—' : percent(v, 1)) },
      },
    ],
  }, { notMerge: true });
}
