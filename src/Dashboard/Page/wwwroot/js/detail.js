// The selected fund account: who it is, its pace (支出进度 vs 时间进度), its figures, its spend curve, and for an
// alliance or hospital the year-end settlement preview (结余留用、超支自担); for a hospital its readmission rate and its
// standings among its same-level peers (PEPPER).
import { h, clear } from './dom.js';
import { t, term, lang } from './i18n.js';
import { moneyUnit, moneyExact, percent, count, dateTime } from './format.js';
import { gauge, paceOf, countyOf, keyOf } from './hierarchy.js';
import { SpendChart } from './chart.js';
import { renderReadmission } from './readmission.js';
import { renderLowThreshold } from './lowthreshold.js';
import { CaseMixView } from './casemix.js';
import { renderPeerStandings } from './peer-standings.js';

export class DetailView {
  /** clock: whether this panel states the settlement time (only when no overview above it already does). */
  constructor(container, font, onCaseMixSort = () => {}, { clock = true } = {}) {
    this.clock = clock;
    this.font = font;
    this.head = h('div', { class: 'detail-head' });
    this.meter = h('div', { class: 'pace-meter' });
    this.kpis = h('div', { class: 'kpis' });
    this.chartTitle = h('h3', { class: 'section-title' });
    this.chartElement = h('div', { class: 'chart', id: 'spend-chart' });
    this.chartNote = h('p', { class: 'chart-note' });
    this.yearEnd = h('section', { class: 'year-end-section', id: 'year-end' });
    this.readmission = h('section', { class: 'readmission-section', id: 'readmission', hidden: true });
    this.lowThreshold = h('section', { class: 'lowthreshold-section', id: 'low-threshold', hidden: true });
    this.caseMixSection = h('section', { class: 'casemix-section', id: 'casemix', hidden: true });
    this.caseMix = new CaseMixView(this.caseMixSection, font, onCaseMixSort);
    this.peerStandings = h('section', { class: 'peer-standings-section', id: 'peer-standings-section', hidden: true });
    this.message = h('div', { class: 'notice-box' });
    this.content = h('div', { id: 'detail-content' }, this.head, this.meter, this.kpis, this.chartTitle, this.chartElement, this.chartNote, this.readmission, this.lowThreshold, this.caseMixSection, this.peerStandings, this.yearEnd);
    clear(container).append(this.message, this.content);
    this.chart = new SpendChart(this.chartElement);
    this.showMessage(t('detail.pick'));
  }

  showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = false;
    this.content.hidden = true;
  }

  show(entity, model) {
    const snapshot = entity.snapshot;
    if (!snapshot) {
      this.showMessage(entity.error ? t('detail.failed', { error: entity.error }) : t('detail.loading'));
      return;
    }

    this.message.hidden = true;
    this.content.hidden = false;
    this.content.dataset.key = entity.key;
    const county = countyOf(model, entity);
    const alliance = entity.allianceId ? model.entities.get(keyOf('alliance', entity.allianceId)) : null;
    const pace = paceOf(entity);

    clear(this.head).append(
      h('div', {},
        h('h2', { id: 'detail-name' }, entity.name),
        h('div', { class: 'detail-tags' },
          h('span', { class: 'tag' }, term('level', entity.level)),
          h('span', { class: 'tag' }, entity.id),
          entity.level === 'hospital' ? h('span', { class: 'tag' }, term('hospitalLevel', entity.hospitalLevel)) : null,
          entity.allianceType ? h('span', { class: 'tag' }, term('alliance', entity.allianceType)) : null,
          entity.level !== 'county' && county ? h('span', { class: 'tag' }, t('detail.county', { name: county.name })) : null,
          alliance ? h('span', { class: 'tag' }, t('detail.alliance', { name: alliance.name })) : null)),
      h('div', { class: 'pace-summary' },
        h('span', { class: 'pace-badge', dataset: { pace } }, term('pace', pace)),
        h('p', {}, paceSentence(snapshot))));

    clear(this.meter);
    if (snapshot.annualBudget != null) {
      this.meter.append(
        h('div', { class: 'pace-meter-labels num' },
          h('span', {}, `${t('kpi.usedShare')} `, h('strong', {}, percent(snapshot.usedShare ?? Number(snapshot.fundPaid) / Number(snapshot.annualBudget)))),
          h('span', {}, `${t('kpi.timeShare')} `, h('strong', {}, percent(snapshot.timeShare)))),
        gauge(snapshot, true));
    } else {
      this.meter.append(h('p', { class: 'notice-box' }, t('detail.noBudget')));
    }

    // One unit for the whole panel, set by the largest figure in it.
    const money = moneyUnit(Math.max(...[snapshot.annualBudget, snapshot.fundPaid, snapshot.projectedYearEnd, snapshot.yearEnd?.projectedSpend]
      .filter((v) => v != null).map((v) => Math.abs(Number(v)))));
    const kpi = (label, value, title, clock) => h('div', { class: 'kpi', title, dataset: { clock } }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value));
    clear(this.kpis).append(...[
      kpi(t('kpi.annualBudget'), money(snapshot.annualBudget), moneyExact(snapshot.annualBudget)),
      kpi(t('kpi.fundPaid'), money(snapshot.fundPaid), moneyExact(snapshot.fundPaid)),
      kpi(t('kpi.expectedToDate'), money(snapshot.expectedToDate), moneyExact(snapshot.expectedToDate)),
      kpi(t('kpi.projectedYearEnd'), money(snapshot.projectedYearEnd), moneyExact(snapshot.projectedYearEnd)),
      kpi(t('kpi.projectedShare'), percent(snapshot.projectedShare)),
      kpi(t('kpi.claimsCounted'), count(snapshot.claimsCounted)),
      this.clock ? kpi(t('kpi.asOf'), dateTime(snapshot.asOf), null, 'fund') : null].filter(Boolean));

    this.chartTitle.textContent = t('chart.heading', { year: snapshot.fundYear });
    const flat = this.chart.show(snapshot, county?.monthlyProfile ?? null, this.font);
    this.chartNote.textContent = snapshot.annualBudget == null ? '' : flat ? t('chart.flatNote') : t('chart.profileNote');

    renderReadmission(this.readmission, entity);
    renderLowThreshold(this.lowThreshold, entity, this.font);
    this.caseMix.show(entity);
    renderPeerStandings(this.peerStandings, entity);

    clear(this.yearEnd);
    if (snapshot.yearEnd) {
      const y = snapshot.yearEnd;
      const balanceClass = Number(y.balance) < 0 ? 'kpi-value overrun' : 'kpi-value surplus';
      const figure = (key, value, cls = 'kpi-value') =>
        h('div', { class: 'kpi', dataset: { figure: key } }, h('div', { class: 'kpi-label' }, t(`yearEnd.${key}`)), h('div', { class: cls, title: typeof value === 'string' ? value : '' }, value));
      this.yearEnd.append(h('div', {},
        h('h3', { class: 'section-title' }, t('yearEnd.heading')),
        h('div', { class: 'year-end' },
          figure('projectedSpend', money(y.projectedSpend)),
          figure('balance', money(y.balance), balanceClass),
          figure('surplusShareRetained', percent(y.surplusShareRetained, 0)),
          figure('retained', money(y.retained)),
          figure('returnedToFund', money(y.returnedToFund)),
          figure('overrunBorne', money(y.overrunBorne), Number(y.overrunBorne) > 0 ? 'kpi-value overrun' : 'kpi-value')),
        y.rule ? h('p', { class: 'rule' }, lang() === 'en' ? y.rule.en : y.rule.zh) : null));
    }
  }
}

function paceSentence(snapshot) {
  if (snapshot.annualBudget == null) return t('detail.noBudget');
  if (snapshot.usedShare == null || snapshot.timeShare == null) return t('detail.noPace');
  const gap = (Number(snapshot.usedShare) - Number(snapshot.timeShare)) * 100;
  if (Math.abs(gap) < 0.05) return t('detail.even');
  return t(gap > 0 ? 'detail.ahead' : 'detail.behind', { pp: Math.abs(gap).toFixed(1) });
}
