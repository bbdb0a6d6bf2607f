// 同级医院比较（PEPPER）: where a hospital stands among the same-level hospitals of its region on three target areas
// (readmissions, short stays, cases coded with complications), month by month, the way the US PEPPER report shows it.
// The server gives the hospital's own counts and percentile only, never a peer's; the page words each cell: the rate
// and its percentile, a flag at the 80th worded as well as coloured, and why a month has no figure (a small count is
// suppressed, too few hospitals compared, no target case).
import { h, clear } from './dom.js';
import { t, term, monthLabel } from './i18n.js';
import { percent, count } from './format.js';

/** Renders entity.percentiles (GET /api/casemix/hospital/{id}/percentiles) into a section; only a hospital has one. */
export function renderPeerStandings(section, entity) {
  clear(section);
  section.hidden = entity?.level !== 'hospital';
  if (section.hidden) return;

  const report = entity.percentiles;
  const heading = h('h3', { class: 'section-title' }, t('peer.heading'));
  if (!report) {
    section.append(heading, h('p', { class: 'muted' }, entity.percentilesError
      ? t('peer.failed', { error: entity.percentilesError })
      : t('detail.loading')));
    return;
  }

  const months = [...new Set(report.areas.flatMap((a) => a.months.map((m) => m.month)))].sort((a, b) => a - b);
  if (months.length === 0) {
    section.append(heading, h('p', { class: 'muted' }, t('peer.pending')));
    return;
  }

  const header = h('tr', {},
    h('th', { scope: 'col' }, t('peer.area')),
    months.map((month) => h('th', { scope: 'col' }, monthLabel(month))));
  const rows = report.areas.map((area) => {
    const byMonth = new Map(area.months.map((m) => [m.month, m.standing]));
    return h('tr', { dataset: { area: area.area } },
      h('th', { scope: 'row' },
        h('div', { class: 'peer-area' }, term('peerArea', area.area)),
        h('div', { class: 'peer-area-note' }, term('peerAreaNote', area.area))),
      months.map((month) => cell(area.area, month, byMonth.get(month), report)));
  });

  section.append(heading,
    h('p', { class: 'chart-note' }, t('peer.scope', { peers: report.peers, level: term('hospitalLevel', report.level) })),
    h('div', { class: 'peer-standings' },
      h('table', { id: 'peer-standings' }, h('thead', {}, header), h('tbody', {}, rows))),
    h('p', { class: 'chart-note peer-note' }, t('peer.note', {
      flag: report.flagPercentile, max: report.minCount - 1, minCount: report.minCount, minCompared: report.minCompared,
    })));
}

/** One month of one area: what the hospital's figure is, and where it stands or why it has no standing. */
function cell(area, month, standing, report) {
  const state = stateOf(standing, report);
  const td = (...lines) => h('td', { class: `peer-cell ${state}`, dataset: { area, month, state } }, ...lines);
  switch (state) {
    case 'none':
      return td(h('span', { class: 'peer-why' }, t('peer.noMonth')));
    case 'suppressed':
      return td(h('span', { class: 'peer-why' }, t('peer.suppressed', { max: report.minCount - 1, minCount: report.minCount })));
    case 'no-cases':
      return td(h('span', { class: 'peer-why' }, t('peer.noCases')));
    case 'not-compared':
      return td(
        h('div', { class: 'peer-count num' }, t('peer.counts', { target: count(standing.numerator), cases: count(standing.denominator) })),
        h('div', { class: 'peer-why' }, t('peer.notCompared', { minCount: report.minCount })));
    default:
      return td(
        h('div', { class: 'peer-rate num' }, percent(standing.rate, 1)),
        h('div', { class: 'peer-count num' }, t('peer.counts', { target: count(standing.numerator), cases: count(standing.denominator) })),
        state === 'few-peers'
          ? h('div', { class: 'peer-why' }, t('peer.fewPeers', { minCompared: report.minCompared }))
          : h('div', { class: 'peer-percentile num' }, t('peer.percentile', { p: percentileText(standing.percentile) })),
        state === 'flagged' ? h('div', { class: 'peer-flag' }, t('peer.flagged', { flag: report.flagPercentile })) : null);
  }
}

/** flagged, ranked, few-peers (a rate but too few compared), not-compared (under the minimum count), suppressed, no-cases, none. */
function stateOf(standing, report) {
  if (!standing) return 'none';
  if (standing.suppressed) return 'suppressed';
  if (standing.rate == null) return standing.denominator > 0 && standing.numerator != null ? 'not-compared' : 'no-cases';
  if (standing.percentile == null || standing.compared < report.minCompared) return 'few-peers';
  return standing.flagged ? 'flagged' : 'ranked';
}

/** 62.5, 100: the server rounds to a tenth; a whole number reads without its ".0". */
function percentileText(value) {
  const n = Number(value);
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
