// The regulator's first screen: every fund of the caller's scope as GET /api/overview ranks it (worst budget-pace
// level first, then the gap between 支出进度 and 时间进度, then the projected overrun), each county with its standing
// alerts counted by kind and severity, and a "problems only" filter that the hierarchy follows too. The server ranks
// and scopes; this module only draws, and lends its order and filter to the hierarchy.
import { h, clear } from './dom.js';
import { t, term } from './i18n.js';
import { moneyWan, percent, points, chinaDate } from './format.js';
import { keyOf } from './hierarchy.js';
import { renderHeatmap } from './heatmap.js';

const filterKey = 'monitoring.problemsOnly';

/**
 * Hooks that fill a county's slot beside its alert counts (open inspection cases and the amounts at stake, once
 * cases exist): each is called as hook(countyId, slotElement, overviewCounty) whenever the ranking is drawn.
 */
const countyHooks = [];
export function registerCountyExtra(hook) {
  countyHooks.push(hook);
}

export class Overview {
  constructor(container, { onSelect, onFilter, selectedKey }) {
    this.container = container;
    this.onSelect = onSelect;
    this.onFilter = onFilter;
    this.selectedKey = selectedKey;
    this.doc = null;
    this.error = null;
    this.rank = new Map();
    this.problemKeys = new Set();
    this.problemsOnly = sessionStorage.getItem(filterKey) === 'true';
    this.render();
  }

  /** A fresh ranking from the server; returns whether the order or the problems changed (the hierarchy follows both). */
  update(doc) {
    const before = this.signature();
    this.doc = doc;
    this.error = null;
    this.rank = new Map();
    this.problemKeys = new Set();
    let next = 0;
    const visit = (fund, ancestors, extraProblem = false) => {
      if (!fund) return;
      const key = keyOf(fund.level, fund.id);
      this.rank.set(key, next++);
      if (fund.problem || extraProblem) for (const k of [key, ...ancestors]) this.problemKeys.add(k);
    };
    for (const region of doc.regions ?? []) {
      for (const county of region.counties ?? []) {
        const countyKey = keyOf('county', county.countyId);
        visit(county.fund, [], standing(county) > 0);
        if (!county.fund) this.rank.set(countyKey, next++);
        for (const alliance of county.alliances ?? []) {
          const allianceKey = keyOf('alliance', alliance.allianceId);
          visit(alliance.fund, [countyKey]);
          if (!alliance.fund) this.rank.set(allianceKey, next++);
          for (const hospital of alliance.hospitals ?? []) visit(hospital, [countyKey, allianceKey]);
        }

        for (const hospital of county.outside ?? []) visit(hospital, [countyKey]);
      }
    }

    this.render();
    return this.signature() !== before;
  }

  signature() {
    return `${[...this.rank.keys()].join(',')}|${[...this.problemKeys].sort().join(',')}`;
  }

  failed(message) {
    this.error = message;
    this.render();
  }

  /** The first fund in risk order the caller may read: where the page opens. */
  firstKey() {
    let first = null;
    let best = Infinity;
    for (const [key, rank] of this.rank) {
      if (rank < best) {
        best = rank;
        first = key;
      }
    }

    return first;
  }

  /** Sorts sibling entities by the server's risk order; those it did not rank keep their registry order, last. */
  order(entities) {
    const rankOf = (entity) => this.rank.get(entity.key) ?? Number.MAX_SAFE_INTEGER;
    return [...entities].sort((a, b) => rankOf(a) - rankOf(b));
  }

  /** Under "problems only": a fund at a warning level, the funds above it, a county with standing alerts, and the selected fund. */
  shown(entity) {
    if (!this.problemsOnly || !this.doc) return true;
    if (this.problemKeys.has(entity.key)) return true;
    const selected = this.selectedKey();
    if (!selected) return false;
    if (entity.key === selected) return true;
    const [level, id] = selected.split(':');
    // The selected fund's county and alliance stay too, so it is never shown without where it sits.
    return entity.level === 'county' && this.countyOfKey(level, id) === entity.id
      || entity.level === 'alliance' && this.allianceOfKey(level, id) === entity.id;
  }

  markSelected() {
    const selected = this.selectedKey();
    for (const row of this.container.querySelectorAll('.rank-row')) {
      row.setAttribute('aria-pressed', String(row.dataset.key === selected));
    }

    for (const row of this.container.querySelectorAll('.heat-row')) {
      row.setAttribute('aria-pressed', String(row.dataset.key === selected));
    }
  }

  relabel() {
    this.render();
  }

  render() {
    const doc = this.doc;
    const toggle = h('input', { type: 'checkbox', id: 'problems-only', checked: this.problemsOnly });
    toggle.addEventListener('change', () => {
      this.problemsOnly = toggle.checked;
      sessionStorage.setItem(filterKey, String(this.problemsOnly));
      this.render();
      this.onFilter();
    });
    const head = h('div', { class: 'panel-head overview-head' },
      h('h2', { id: 'overview-heading' }, t('overview.heading')),
      h('div', { class: 'overview-tools' },
        doc ? h('span', { class: 'overview-asof num', dataset: { clock: 'overview' } }, t('overview.asOf', { date: doc.asOf ? chinaDate(doc.asOf) : '—' })) : null,
        doc ? h('span', { class: 'overview-problems', dataset: { count: doc.problems } }, t('overview.problems', { count: doc.problems })) : null,
        h('label', { class: 'problems-toggle' }, toggle, t('overview.problemsOnly'))));

    const ranking = h('ol', { class: 'ranking', id: 'ranking', 'aria-labelledby': 'overview-heading' });
    if (this.error) {
      ranking.append(h('li', { class: 'empty' }, t('overview.failed', { error: this.error })));
    } else if (!doc) {
      ranking.append(h('li', { class: 'empty' }, t('detail.loading')));
    } else {
      let place = 0;
      for (const region of doc.regions) {
        for (const county of region.counties) {
          const countyKey = keyOf('county', county.countyId);
          const countyShown = !this.problemsOnly || this.problemKeys.has(countyKey) || countyKey === this.selectedKey();
          if (!countyShown) continue;
          ranking.append(this.row(county.fund, county.name, 'county', county.countyId, ++place, county));
          for (const alliance of county.alliances) {
            const allianceKey = keyOf('alliance', alliance.allianceId);
            if (!this.problemsOnly || this.problemKeys.has(allianceKey) || allianceKey === this.selectedKey()) {
              ranking.append(this.row(alliance.fund, alliance.name, 'alliance', alliance.allianceId, null));
            }

            for (const hospital of alliance.hospitals.filter((f) => f.problem)) {
              ranking.append(this.row(hospital, hospital.name, 'hospital', hospital.id, null));
            }
          }

          for (const hospital of county.outside.filter((f) => f.problem)) {
            ranking.append(this.row(hospital, hospital.name, 'hospital', hospital.id, null));
          }
        }
      }

      if (place === 0) ranking.append(h('li', { class: 'empty' }, t(this.problemsOnly ? 'overview.noProblems' : 'hierarchy.empty')));
    }

    // Re-read every few seconds under live data: keep the reader's place in the ranking.
    const scrolled = this.container.querySelector('.ranking-wrap')?.scrollTop ?? 0;
    const heat = h('div', { class: 'heatmap-wrap' });
    if (doc) renderHeatmap(heat, doc, { onSelect: this.onSelect, shown: (key) => !this.problemsOnly || this.problemKeys.has(key) || key === this.selectedKey() });
    clear(this.container).append(head, h('div', { class: 'overview-body' },
      h('div', { class: 'ranking-wrap' }, ranking), heat));
    this.container.querySelector('.ranking-wrap').scrollTop = scrolled;
    this.markSelected();
  }

  row(fund, name, level, id, place, county = null) {
    const key = keyOf(level, id);
    const pace = fund ? fund.paceLevel ?? 'unknown' : 'hidden';
    const figures = fund ? [
      h('span', { class: 'rank-shares num' }, fund.usedShare != null ? t('gauge.line', { used: percent(fund.usedShare), time: percent(fund.timeShare) }) : t('gauge.noBudget')),
      h('span', { class: 'rank-gap num', dataset: { gap: fund.gapPoints ?? '' } },
        fund.gapPoints != null ? t(Number(fund.gapPoints) >= 0 ? 'overview.ahead' : 'overview.behind', { pp: points(Math.abs(Number(fund.gapPoints))).slice(1) }) : ''),
      h('span', { class: 'rank-overrun num' }, fund.projectedOverrun != null
        ? t(Number(fund.projectedOverrun) > 0 ? 'overview.overrun' : 'overview.surplus', { amount: moneyWan(Math.abs(Number(fund.projectedOverrun))) })
        : ''),
    ] : [h('span', { class: 'muted' }, t('hierarchy.hidden'))];

    let alerts = null;
    let slot = null;
    if (county) {
      alerts = h('span', { class: 'tallies' }, county.alerts.length === 0
        ? h('span', { class: 'tally none' }, t('overview.noAlerts'))
        : county.alerts.map((tally) => h('span', {
          class: 'tally',
          dataset: { kind: tally.kind, severity: tally.severity, open: tally.open, acknowledged: tally.acknowledged },
          title: t('overview.tallyTitle', { open: tally.open, acknowledged: tally.acknowledged }),
        }, `${term('kind', tally.kind)} · ${term('severity', tally.severity)} ${tally.open + tally.acknowledged}`)));
      slot = h('span', { class: 'county-extra', dataset: { countyId: county.countyId } });
      for (const hook of countyHooks) hook(county.countyId, slot, county);
    }

    const button = h('button', {
      type: 'button',
      class: 'rank-row',
      dataset: { key, level, id, pace, rank: this.rank.get(key) ?? '' },
      disabled: !fund,
      onclick: () => fund && this.onSelect(key),
    },
    h('span', { class: 'rank-place num' }, place ?? ''),
    h('span', { class: 'rank-name' }, name, h('span', { class: 'entity-tag' }, term('level', level))),
    h('span', { class: 'pace-badge', dataset: { pace } }, fund ? term('pace', pace) : '—'),
    ...figures,
    alerts,
    slot);
    return h('li', { class: `rank-item level-${level}` }, button);
  }

  countyOfKey(level, id) {
    return this.findFund(level, id)?.countyId ?? null;
  }

  allianceOfKey(level, id) {
    return this.findFund(level, id)?.allianceId ?? null;
  }

  findFund(level, id) {
    for (const region of this.doc?.regions ?? []) {
      for (const county of region.counties) {
        if (level === 'county' && county.countyId === id) return { countyId: id };
        for (const alliance of county.alliances) {
          if (level === 'alliance' && alliance.allianceId === id) return { countyId: county.countyId, allianceId: id };
          if (level === 'hospital' && alliance.hospitals.some((f) => f.id === id)) return { countyId: county.countyId, allianceId: alliance.allianceId };
        }

        if (level === 'hospital' && county.outside.some((f) => f.id === id)) return { countyId: county.countyId };
      }
    }

    return null;
  }
}

function standing(county) {
  return (county.alerts ?? []).reduce((sum, tally) => sum + tally.open + tally.acknowledged, 0);
}
