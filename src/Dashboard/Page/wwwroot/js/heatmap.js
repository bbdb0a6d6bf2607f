// The prefecture's year on one screen: a heat map of every county and alliance (rows, in the overview's risk order)
// by month (columns), each cell the month's fund paid against the month's plan — the current month against its plan
// to date — so a spring that ran hot or a late overrun shows as colour without opening any fund.
import { h, clear } from './dom.js';
import { t, term, monthLabel } from './i18n.js';
import { moneyWan } from './format.js';
import { keyOf } from './hierarchy.js';

/** Bands of spend ÷ plan: the class of a cell, and the legend. */
export const bands = [
  { upTo: 0.9, band: 'under' },
  { upTo: 1.0, band: 'near' },
  { upTo: 1.05, band: 'over5' },
  { upTo: 1.1, band: 'over10' },
  { upTo: 1.2, band: 'over20' },
  { upTo: Infinity, band: 'far' },
];

export function bandOf(ratio) {
  return bands.find((b) => ratio < b.upTo).band;
}

/** Draws the heat map into container; shown(key) filters rows (the overview's problems-only filter). */
export function renderHeatmap(container, doc, { onSelect, shown }) {
  const rows = [];
  for (const region of doc.regions ?? []) {
    for (const county of region.counties ?? []) {
      if (county.fund && shown(keyOf('county', county.countyId))) rows.push({ fund: county.fund, name: county.name, level: 'county' });
      for (const alliance of county.alliances ?? []) {
        if (alliance.fund && shown(keyOf('alliance', alliance.allianceId))) rows.push({ fund: alliance.fund, name: alliance.name, level: 'alliance' });
      }
    }
  }

  clear(container);
  container.append(h('h3', { class: 'section-title heatmap-title' }, t('heatmap.heading', { year: doc.fundYear })));
  if (rows.length === 0) {
    container.append(h('p', { class: 'empty' }, t('overview.noProblems')));
    return;
  }

  const grid = h('div', { class: 'heatmap', id: 'heatmap', role: 'table', 'aria-label': t('heatmap.heading', { year: doc.fundYear }) });
  grid.append(h('div', { class: 'heat-head', role: 'row' },
    h('span', { class: 'heat-label', role: 'columnheader' }, ''),
    Array.from({ length: 12 }, (_, i) => h('span', { class: 'heat-month', role: 'columnheader' }, monthLabel(i + 1)))));

  for (const row of rows) {
    const key = keyOf(row.fund.level, row.fund.id);
    grid.append(h('button', {
      type: 'button',
      class: `heat-row level-${row.level}`,
      role: 'row',
      dataset: { key, level: row.fund.level, id: row.fund.id },
      onclick: () => onSelect(key),
    },
    h('span', { class: 'heat-label', role: 'rowheader', title: `${row.name} · ${term('level', row.level)}` }, row.name),
    row.fund.months.map((month) => cell(month))));
  }

  container.append(grid, legend());
}

function cell(month) {
  const plan = month.plannedToDate != null ? Number(month.plannedToDate) : null;
  const paid = Number(month.fundPaid);
  if (plan == null || plan <= 0) {
    return h('span', { class: 'heat-cell', role: 'cell', dataset: { month: month.month, band: month.planned == null ? 'no-budget' : 'future' } }, '');
  }

  const ratio = paid / plan;
  return h('span', {
    class: 'heat-cell num',
    role: 'cell',
    dataset: { month: month.month, band: bandOf(ratio), ratio: ratio.toFixed(4) },
    title: t('heatmap.cell', { month: month.month, paid: moneyWan(paid), plan: moneyWan(plan), ratio: `${Math.round(ratio * 100)}%` }),
  }, String(Math.round(ratio * 100)));
}

function legend() {
  return h('div', { class: 'heat-legend' },
    h('span', { class: 'muted' }, t('heatmap.legend')),
    bands.map((b) => h('span', { class: 'heat-key' }, h('span', { class: 'heat-swatch', dataset: { band: b.band } }), t(`heatmap.band.${b.band}`))));
}
