// A pattern finding's figures as a chart on the case sheet: what the hospital did beside what was expected of it, a
// pair of bars a row. Upcoding: heavy (severity 1/3) cases per ADRG against those its own history predicts.
// Low-threshold admission: this week's share of short, cheap stays against its baseline and its peers. Plain DOM sized
// in percent, so it prints and fits a phone without a resize handler.
import { h } from './dom.js';
import { t } from './i18n.js';
import { percent } from './format.js';

const maxRows = 8;

/** The chart for a case of this kind from the alerts it rests on (the latest that carries the figures), or null. */
export function patternChart(kind, alerts) {
  const latest = [...alerts].reverse();
  if (kind === 'upcoding') {
    const adrgs = latest.map((a) => a.evidence?.adrgs).find((list) => Array.isArray(list) && list.length > 0);
    if (!adrgs) return null;
    const rows = adrgs.slice(0, maxRows).map((r) => ({
      label: r.adrg, observed: Number(r.heavy) || 0, expected: Number(r.expectedHeavy) || 0, text: (v) => v.toLocaleString('en-US', { maximumFractionDigits: 1 }),
    }));
    return chart(t('cases.chart.upcoding'), t('cases.chart.observedHeavy'), t('cases.chart.expectedHeavy'), rows);
  }

  if (kind === 'low-threshold-admission') {
    const e = latest.map((a) => a.evidence).find((x) => x && typeof x.shareNow === 'number');
    if (!e) return null;
    const rows = [
      { label: t('cases.chart.ownBaseline'), observed: e.shareNow, expected: e.baseline },
      { label: t('cases.chart.peers'), observed: e.shareNow, expected: e.peerShare },
    ].filter((r) => typeof r.expected === 'number').map((r) => ({ ...r, text: (v) => percent(v, 1) }));
    return rows.length > 0 ? chart(t('cases.chart.lowThreshold'), t('cases.chart.shareNow'), t('cases.chart.shareExpected'), rows) : null;
  }

  return null;
}

function chart(title, observedLabel, expectedLabel, rows) {
  const largest = Math.max(...rows.flatMap((r) => [r.observed, r.expected]), 1e-9);
  const bar = (cls, value, text) => h('div', { class: 'pattern-bar-line' },
    h('div', { class: `pattern-bar ${cls}`, style: { width: `calc((100% - 64px) * ${(value / largest).toFixed(4)})` } }),
    h('span', { class: 'pattern-value' }, text(value)));
  return h('figure', { class: 'pattern-chart', role: 'img', 'aria-label': title },
    h('figcaption', {}, title,
      h('span', { class: 'pattern-legend' },
        h('span', { class: 'swatch observed' }), observedLabel, h('span', { class: 'swatch expected' }), expectedLabel)),
    rows.map((r) => h('div', { class: 'pattern-row' },
      h('span', { class: 'pattern-label' }, r.label),
      h('div', { class: 'pattern-bars' }, bar('observed', r.observed, r.text), bar('expected', r.expected, r.text)))));
}
