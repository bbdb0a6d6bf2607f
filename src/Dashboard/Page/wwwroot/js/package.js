// 医共体打包付费与考核: the alliance package as the payment-reform documents settle it — who pays for whom (per head of
// the covered insured, 预拨制 for a tight alliance, 后付制 for loose members), the monthly pre-settlement (按月预结)
// with the reserve withheld, the assessment against its indicators (指标考核) and its three-level review, and the
// year-end final settlement (综合决算) as it would stand today. Every figure is the server's (GET /api/settlements,
// GET /api/assessment); the token decides which accounts answer, and a refusal is shown as such, never worked around.
import { h, clear, kpi } from './dom.js';
import { t, term, lang, monthLabel } from './i18n.js';
import { moneyUnit, moneyWan, moneyExact, count, dateTime } from './format.js';
import { getJson, postJson, getBlob, openBlob, saveBlob } from './api.js';

const stages = ['self-assessment', 'county-review', 'prefecture-decision'];
// The status an assessment must be in for each stage to be taken (AssessmentWorkflow on the server decides).
const stageFrom = {
  'self-assessment': ['open', 'self-assessed'],
  'county-review': ['self-assessed'],
  'prefecture-decision': ['reviewed'],
};
// Where the review goes next from each status.
const nextStage = { open: 'self-assessment', 'self-assessed': 'county-review', reviewed: 'prefecture-decision' };
const monthColumns = ['claims', 'fundPaid', 'treatedOutside', 'provided', 'providedElsewhere', 'prepayment', 'advance', 'afterTheFact',
  'reserveWithheld', 'paid', 'cumulativeSpend', 'runningBalance'];
// The columns every statement of a basis shows; the rest only when the year has something in them (a tight alliance
// is never paid after the fact, a loose member never advanced), so a row reads without columns of zeros.
const coreColumns = {
  advance: ['claims', 'fundPaid', 'advance', 'reserveWithheld', 'paid', 'cumulativeSpend', 'runningBalance'],
  'after-the-fact': ['claims', 'fundPaid', 'afterTheFact', 'reserveWithheld', 'paid', 'cumulativeSpend', 'runningBalance'],
  'within-package': ['provided'],
};
// A member within a tight alliance is charged nothing: its columns are what it provided.
const memberColumns = ['provided', 'providedElsewhere'];
const finalLines = ['budget', 'spend', 'balance', 'retained', 'returnedToFund', 'overrunBorne', 'entitlement', 'paidDuringYear', 'prepayment',
  'reserveWithheld', 'reserveReturned', 'reserveForfeited', 'finalPayment', 'totalPaid'];

const number2 = (value) => (value === null || value === undefined ? '—' : Number(value).toFixed(2));
const pct = (value) => (value === null || value === undefined ? '—' : `${Number(value).toFixed(2)}%`);
const share = (value) => `${(Number(value) * 100).toFixed(0)}%`;

export class PackageView {
  /** root: the element the view draws into; context: { token, who, model, onUnauthorized }. */
  constructor(root, context) {
    this.root = root;
    this.ctx = context;
    this.account = null;
    this.statement = null;
    this.assessment = null;
    this.errors = {};
    this.generation = 0;
    this.message = null;
  }

  /** The accounts this reader may pick: the model holds only what the registry showed this token. */
  choices() {
    const entities = [...this.ctx.model.entities.values()];
    if (this.ctx.who.role === 'hospital') {
      const own = entities.find((e) => e.level === 'hospital' && e.id === this.ctx.who.scopeId);
      const alliance = own?.allianceId ? entities.find((e) => e.level === 'alliance' && e.id === own.allianceId) : null;
      return [alliance, own].filter(Boolean);
    }

    return entities.filter((e) => e.level !== 'region');
  }

  async show(level, id) {
    const choices = this.choices();
    const wanted = choices.find((e) => e.level === level && e.id === id)
      ?? choices.find((e) => e.level === 'alliance' && this.ctx.who.role !== 'hospital')
      ?? choices.find((e) => e.level === 'hospital')
      ?? choices[0] ?? null;
    this.account = wanted;
    await this.load();
  }

  /** An assessment moved a step somewhere this reader sees: re-read it when it is the one on screen. */
  onAssessment(notice) {
    if (this.account && !this.root.hidden && this.allianceId() === notice.allianceId) this.load();
  }

  relabel() {
    this.draw();
  }

  /** The alliance whose assessment this account hangs on: itself, or a hospital's own. */
  allianceId() {
    if (!this.account) return null;
    if (this.account.level === 'alliance') return this.account.id;
    return this.account.level === 'hospital' ? this.account.allianceId : null;
  }

  async load() {
    const generation = ++this.generation;
    const account = this.account;
    this.statement = null;
    this.assessment = null;
    this.errors = {};
    this.draw();
    if (!account) return;
    const id = encodeURIComponent(account.id);
    const read = async (name, path) => {
      try {
        return await getJson(this.ctx.token, path);
      } catch (error) {
        if (error.status === 401) this.ctx.onUnauthorized();
        this.errors[name] = error;
        return null;
      }
    };
    // A county has an assessment and no statement (the fund pays its alliances and hospitals); a hospital a statement
    // and its alliance's assessment, which the server gives only to the alliance's lead.
    const [statement, assessment] = await Promise.all([
      account.level === 'county' ? null : read('statement', `api/settlements/${account.level}/${id}`),
      account.level === 'hospital' ? null : read('assessment', `api/assessment/${account.level}/${id}`),
    ]);
    if (generation !== this.generation) return;
    this.statement = statement;
    this.assessment = assessment;
    this.root.dataset.state = 'ready';
    this.draw();
  }

  draw() {
    const root = clear(this.root);
    root.dataset.level = this.account?.level ?? '';
    root.append(this.head());
    if (!this.account) {
      root.append(h('p', { class: 'empty' }, t('pkg.none')));
      return;
    }

    if (this.root.dataset.state !== 'ready') this.root.dataset.state = 'loading';
    const s = this.statement;
    const a = this.assessment;
    if (this.errors.statement) root.append(this.refusal(this.errors.statement));
    if (s) {
      root.append(this.payer(s), this.months(s));
      // A member within the package is not settled on its own: the alliance's final settlement is the one that counts.
      if (s.basis === 'within-package') root.append(h('p', { class: 'notice-box pkg-note', id: 'pkg-within' }, t('pkg.final.withinPackage')));
      else root.append(this.reserve(s), this.final(s));
    }

    if (this.errors.assessment) root.append(this.refusal(this.errors.assessment));
    if (a) root.append(this.indicators(a), a.level === 'alliance' ? this.review(a) : null);
    else if (this.account.level === 'hospital' && this.account.allianceId) root.append(h('p', { class: 'notice-box pkg-note' }, t('pkg.assessmentLeadOnly')));
  }

  head() {
    const choices = this.choices();
    const groups = ['county', 'alliance', 'hospital'].map((level) => ({ level, items: choices.filter((e) => e.level === level) }))
      .filter((g) => g.items.length > 0);
    const picker = h('select', {
      id: 'pkg-account',
      'aria-label': t('pkg.pick'),
      onchange: (event) => {
        const [level, ...rest] = event.target.value.split(':');
        window.location.hash = `package/${level}/${encodeURIComponent(rest.join(':'))}`;
      },
    }, groups.map((g) => h('optgroup', { label: term('level', g.level) },
      g.items.map((e) => h('option', { value: e.key, selected: e.key === this.account?.key }, e.name)))));
    const account = this.account;
    return h('div', { class: 'pkg-head' },
      h('div', {},
        h('h2', { id: 'pkg-heading' }, t('pkg.heading')),
        h('p', { class: 'muted small pkg-motto' }, t('pkg.motto'))),
      h('label', { class: 'pkg-picker' }, h('span', { class: 'muted small' }, t('pkg.pick')), picker),
      account && account.level !== 'county' ? this.printLinks(account) : null);
  }

  /** The printable statement and its workbook, and the printable assessment, as the server renders them. */
  printLinks(account) {
    const id = encodeURIComponent(account.id);
    const status = h('span', { class: 'muted small', role: 'status' });
    const act = (action) => async () => {
      status.textContent = '';
      try { await action(); } catch (error) { status.textContent = t('pkg.fileFailed', { error: error.message }); }
    };
    const html = (path) => act(async () => openBlob(await getBlob(this.ctx.token, path, { format: 'html', lang: lang() })));
    return h('div', { class: 'pkg-files' },
      h('button', { type: 'button', class: 'link-button', id: 'pkg-print', onclick: html(`api/settlements/${account.level}/${id}`) }, t('pkg.printStatement')),
      h('button', {
        type: 'button', class: 'link-button', id: 'pkg-xlsx',
        onclick: act(async () => saveBlob(await getBlob(this.ctx.token, `api/settlements/${account.level}/${id}`, { format: 'xlsx' }),
          `结算单-${account.id}-${this.ctx.model.fundYear}.xlsx`)),
      }, t('pkg.xlsx')),
      account.level === 'alliance'
        ? h('button', { type: 'button', class: 'link-button', id: 'pkg-print-assessment', onclick: html(`api/assessment/alliance/${id}`) }, t('pkg.printAssessment'))
        : null,
      status);
  }

  refusal(error) {
    const key = error.status === 403 ? 'pkg.refused' : 'pkg.failed';
    return h('p', { class: 'notice-box pkg-refused', role: 'status' }, t(key, { error: error.message }));
  }

  /** 谁为谁付费: the payer, the basis of payment and the package the fund has agreed to. */
  payer(s) {
    const unit = moneyUnit(s.budget ?? 0);
    const perHead = s.insuredPopulation != null && s.perCapitaPackage != null;
    const tag = s.allianceType ? t('allianceTag', { type: term('alliance', s.allianceType) }) : null;
    const kind = s.level === 'alliance' ? tag : tag ? t('pkg.memberOf', { alliance: tag }) : t('pkg.unallied');
    const member = s.basis === 'within-package';
    const sentence = perHead
      ? t('pkg.payer.perHead', { county: this.countyName(s), population: count(s.insuredPopulation), perCapita: moneyExact(s.perCapitaPackage), budget: unit(s.budget) })
      : s.basis === 'within-package'
        ? t('pkg.payer.member', { alliance: this.allianceName(s) })
        : t('pkg.payer.budget', { county: this.countyName(s), budget: unit(s.budget) });
    return h('section', { class: 'pkg-section', id: 'pkg-payer' },
      h('h3', { class: 'section-title' }, t('pkg.payer.heading')),
      h('p', { class: 'pkg-sentence' }, sentence),
      h('div', { class: 'kpis pkg-kpis' },
        kpi('basis', t('pkg.basis'), t(`pkg.basis.${s.basis}`), t(`pkg.basis.${s.basis}.note`)),
        kpi('kind', t('pkg.kind'), kind),
        perHead ? kpi('population', t('pkg.population'), count(s.insuredPopulation)) : null,
        perHead ? kpi('perCapita', t('pkg.perCapita'), moneyExact(s.perCapitaPackage)) : null,
        kpi('budget', t(perHead ? 'pkg.package' : 'pkg.budget'), unit(s.budget)),
        s.basis === 'advance' ? kpi('advanceShare', t('pkg.advanceShare'), share(s.terms.advanceShare),
          t(s.terms.outsideTreatmentFromPackage ? 'pkg.outsideFromPackage' : 'pkg.outsideNotFromPackage')) : null,
        member ? null : kpi('reserveShare', t('pkg.reserveShare'), share(s.terms.reserveShare)),
        member ? null : kpi('prepaymentMonths', t('pkg.prepaymentMonths'), t('pkg.monthsCount', { months: s.terms.prepaymentMonths }))));
  }

  /** 按月预结: the twelve months, each with what it charged, what was paid and what was held back. */
  months(s) {
    const core = coreColumns[s.basis] ?? coreColumns['after-the-fact'];
    const totals = Object.fromEntries(monthColumns.map((c) => [c, s.months.reduce((sum, m) => sum + Number(m[c] ?? 0), 0)]));
    const columns = monthColumns.filter((c) => (s.basis === 'within-package' ? memberColumns.includes(c) && (core.includes(c) || totals[c] !== 0)
      : (core.includes(c) && (c !== 'runningBalance' || s.budget != null)) || s.months.some((m) => Number(m[c] ?? 0) !== 0)));
    // Months after the last one any claim fell in have not happened yet: their advance is the plan, drawn apart.
    const last = Math.max(0, ...s.months.filter((m) => Number(m.claims) > 0 || Number(m.provided) > 0).map((m) => m.month));
    const cell = (column, value) => h('td', { class: 'num', dataset: { column } },
      value === null || value === undefined ? '—' : column === 'claims' ? count(value) : moneyWan(value));
    const summed = (c) => c !== 'cumulativeSpend' && c !== 'runningBalance';
    return h('section', { class: 'pkg-section', id: 'pkg-months' },
      h('h3', { class: 'section-title' }, t('pkg.months.heading')),
      h('p', { class: 'muted small' }, t(`pkg.months.note.${s.basis}`), s.basis === 'advance' && last < 12 ? ` ${t('pkg.months.planned', { month: monthLabel(last + 1) })}` : ''),
      h('div', { class: 'table-scroll' }, h('table', { class: `case-queue pkg-table${columns.length <= 3 ? ' pkg-narrow' : ''}` },
        h('thead', {}, h('tr', {}, h('th', {}, t('pkg.col.month')),
          columns.map((c) => h('th', { class: 'num' }, t(c === 'provided' && s.level === 'hospital' ? 'pkg.col.providedHere' : `pkg.col.${c}`))))),
        h('tbody', {}, s.months.map((m) => h('tr', { dataset: { month: m.month, planned: m.month > last ? 'true' : null } },
          h('th', { scope: 'row' }, monthLabel(m.month)),
          columns.map((c) => cell(c, m[c]))))),
        h('tfoot', {}, h('tr', {},
          h('th', { scope: 'row' }, t('pkg.col.year')),
          columns.map((c) => (summed(c) ? cell(c, totals[c]) : h('td', {}))))))));
  }

  /** The reserve (预留保证金): held back each month, returned at year end in proportion to the decided score. */
  reserve(s) {
    const f = s.final;
    return h('section', { class: 'pkg-section', id: 'pkg-reserve' },
      h('h3', { class: 'section-title' }, t('pkg.reserve.heading')),
      h('div', { class: 'kpis pkg-kpis' },
        kpi('withheld', t('pkg.reserve.withheld'), moneyExact(f.reserveWithheld), t('pkg.reserve.share', { share: share(s.terms.reserveShare) })),
        kpi('returned', t('pkg.reserve.returned'), moneyExact(f.reserveReturned),
          f.score == null ? t('pkg.reserve.assumedFull') : t('pkg.reserve.byScore', { score: number2(f.score) })),
        kpi('forfeited', t('pkg.reserve.forfeited'), moneyExact(f.reserveForfeited))));
  }

  /** 综合决算 as it would stand if the year closed on today's books. */
  final(s) {
    const f = s.final;
    const tone = (line) => {
      const v = Number(f[line] ?? 0);
      if (line === 'overrunBorne' || line === 'reserveForfeited') return v > 0 ? 'overrun' : null;
      if (line === 'balance' || line === 'finalPayment') return v < 0 ? 'overrun' : null;
      return line === 'retained' && v > 0 ? 'surplus' : null;
    };
    return h('section', { class: 'pkg-section', id: 'pkg-final' },
      h('h3', { class: 'section-title' }, t('pkg.final.heading')),
      h('p', { class: 'pkg-sentence' }, lang() === 'en' ? f.ruleEn : f.ruleZh),
      f.provisional ? h('p', { class: 'muted small pkg-provisional' }, t('pkg.final.provisional')) : null,
      h('dl', { class: 'pkg-final' }, finalLines.filter((line) => line !== 'budget' || f.budget != null).map((line) =>
        h('div', { class: 'pkg-final-line', dataset: { line, tone: tone(line) } },
          h('dt', {}, t(`pkg.final.${line}`)),
          h('dd', { class: 'num' }, moneyExact(f[line]))))));
  }

  /** 指标考核: each indicator's reading against its target, pass or fail, and its months. */
  indicators(a) {
    const months = Array.from({ length: Math.max(a.monthsCounted, 0) }, (_, i) => i + 1);
    return h('section', { class: 'pkg-section', id: 'pkg-indicators' },
      h('h3', { class: 'section-title' }, t(a.level === 'county' ? 'pkg.indicators.countyHeading' : 'pkg.indicators.heading', { name: a.name })),
      h('div', { class: 'kpis pkg-kpis' },
        kpi('score', t('pkg.score'), number2(a.score), t('pkg.scoreNote', { months: a.monthsCounted })),
        a.decidedScore != null ? kpi('decided', t('pkg.decidedScore'), number2(a.decidedScore)) : null,
        kpi('met', t('pkg.metCount'), `${a.indicators.filter((i) => i.status === 'met').length} / ${a.indicators.filter((i) => i.status !== 'no-data').length}`)),
      h('div', { class: 'table-scroll' }, h('table', { class: 'case-queue pkg-table pkg-indicator-table' },
        h('thead', {}, h('tr', {},
          ['indicator', 'target', 'value', 'status', 'counts', 'weight', 'earned'].map((c) =>
            h('th', { class: c === 'indicator' || c === 'status' ? null : 'num' }, t(`pkg.ind.${c}`))),
          months.map((m) => h('th', { class: 'num pkg-trend-col' }, monthLabel(m))))),
        h('tbody', {}, a.indicators.map((i) => h('tr', { dataset: { code: i.code, status: i.status } },
          h('th', { scope: 'row' }, term('indicator', i.code)),
          h('td', { class: 'num nowrap' }, `${i.direction === 'at-most' ? '≤' : '≥'} ${pct(i.target)}`),
          h('td', { class: 'num' }, pct(i.value)),
          h('td', {}, h('span', { class: 'pkg-status', dataset: { status: i.status } }, term('indicatorStatus', i.status))),
          h('td', { class: 'num nowrap muted' }, `${counted(i.numerator)} / ${counted(i.denominator)}`),
          h('td', { class: 'num' }, counted(i.weight)),
          h('td', { class: 'num' }, number2(i.earned)),
          months.map((m) => {
            const v = i.trend[m - 1];
            const off = v != null && (i.direction === 'at-most' ? v > i.target : v < i.target);
            return h('td', { class: 'num pkg-trend-col', dataset: { off: v == null ? null : String(off) } }, v == null ? '' : Number(v).toFixed(1));
          })))))),
      h('p', { class: 'muted small' }, t('pkg.indicators.note')));
  }

  /** 医共体自评、县市初评、州级终评: where the review stands, its recorded steps, and the step this reader may take. */
  review(a) {
    const record = a.review ?? { status: 'open', steps: [] };
    const next = nextStage[record.status] ?? null;
    const done = new Set(record.steps.map((s) => s.stage));
    return h('section', { class: 'pkg-section', id: 'pkg-review', dataset: { status: record.status } },
      h('h3', { class: 'section-title' }, t('pkg.review.heading')),
      h('ol', { class: 'pkg-stages' }, stages.map((stage, index) => h('li', {
        dataset: { stage, state: stage === next ? 'next' : done.has(stage) ? 'done' : 'waiting' },
      }, h('span', { class: 'pkg-stage-number' }, String(index + 1)), h('span', { class: 'pkg-stage-name' }, t(`pkg.stage.${stage}`)), h('span', { class: 'muted small' }, t(`pkg.stage.${stage}.who`))))),
      h('p', { class: 'pkg-review-status', role: 'status' }, t(`pkg.status.${record.status}`)),
      record.steps.length === 0 ? null : h('div', { class: 'table-scroll' }, h('table', { class: 'case-queue pkg-table pkg-steps' },
        h('thead', {}, h('tr', {}, ['stage', 'score', 'indicatorScore', 'by', 'at', 'notes'].map((c) =>
          h('th', { class: c === 'score' || c === 'indicatorScore' ? 'num' : null }, t(`pkg.step.${c}`))))),
        h('tbody', {}, record.steps.map((s) => h('tr', { dataset: { stage: s.stage } },
          h('td', {}, t(`pkg.stage.${s.stage}`)),
          h('td', { class: 'num' }, number2(s.score)),
          h('td', { class: 'num' }, number2(s.indicatorScore)),
          h('td', { class: 'pkg-actor' }, this.actorText(s)),
          h('td', { class: 'nowrap' }, dateTime(s.at)),
          h('td', { class: 'pkg-notes' }, s.notes ?? h('span', { class: 'muted' }, '—'))))))),
      this.stepForm(a, record));
  }

  /** The step this reader's token may take now, if any; the server checks it again and says why when it refuses. */
  stepForm(a, record) {
    const { who } = this.ctx;
    const county = this.ctx.model.entities.get(`county:${a.countyId}`);
    const mine = stages.find((stage) => stageFrom[stage].includes(record.status) && (
      (stage === 'self-assessment' && who.role === 'hospital' && who.scopeId === a.leadHospitalId)
      || (stage === 'county-review' && who.role === 'regulator' && who.scopeKind === 'county' && who.scopeId === a.countyId)
      || (stage === 'prefecture-decision' && who.role === 'regulator' && who.scopeKind === 'region' && who.scopeId === county?.regionId)));
    if (!mine) return h('p', { class: 'muted small pkg-no-step' }, t(record.status === 'decided' ? 'pkg.reviewDone' : 'pkg.noStep'));
    const score = h('input', { id: 'pkg-step-score', type: 'number', min: 0, max: 100, step: 0.01, required: true, value: a.score != null ? Number(a.score).toFixed(2) : '' });
    const notes = h('textarea', { id: 'pkg-step-notes', rows: 3, maxlength: 2000 });
    const message = h('p', { class: 'error', role: 'alert', hidden: true });
    const submit = async (event) => {
      event.preventDefault();
      message.hidden = true;
      try {
        await postJson(this.ctx.token, `api/assessment/alliance/${encodeURIComponent(a.id)}/steps`,
          { stage: mine, score: score.value === '' ? null : Number(score.value), notes: notes.value.trim() || null });
        await this.load();
      } catch (error) {
        if (error.status === 401) return this.ctx.onUnauthorized();
        message.textContent = error.message;
        message.hidden = false;
      }
    };
    return h('form', { class: 'case-actions pkg-step-form', dataset: { stage: mine }, onsubmit: submit },
      h('h4', { class: 'section-title' }, t('pkg.step.take', { stage: t(`pkg.stage.${mine}`) })),
      h('p', { class: 'muted small' }, t(`pkg.step.hint.${mine}`)),
      h('div', { class: 'case-fields' },
        h('label', { class: 'field' }, h('span', {}, t('pkg.step.scoreLabel')), score),
        h('label', { class: 'field' }, h('span', {}, t(mine === 'self-assessment' ? 'pkg.step.notesLabel' : 'pkg.step.internalNotesLabel')), notes),
        message,
        h('button', { type: 'submit', class: 'primary', id: 'pkg-step-submit' }, t('pkg.step.submit'))));
  }

  /** Who took a step, in words: a named person with their role, else the role and the place it speaks for (监管人员 · 云县). */
  actorText(step) {
    const role = term('role', step.role);
    const [kind, id] = String(step.scope ?? '').split(':');
    const place = kind === 'region'
      ? this.ctx.model.regions.find((r) => r.regionId === id)?.name
      : this.ctx.model.entities.get(`${kind}:${id}`)?.name;
    const where = place ?? id ?? '';
    const anonymous = !step.actor || step.actor === step.role || step.actor === `${step.role}@${step.scope}`;
    return anonymous ? [role, where].filter(Boolean).join(' · ') : `${step.actor}（${[role, where].filter(Boolean).join(' · ')}）`;
  }

  countyName(s) {
    return this.ctx.model.entities.get(`county:${s.countyId}`)?.name ?? s.countyId;
  }

  allianceName(s) {
    const hospital = this.ctx.model.entities.get(`hospital:${s.id}`);
    return (hospital?.allianceId && this.ctx.model.entities.get(`alliance:${hospital.allianceId}`)?.name) || t('level.alliance');
  }
}

/** A count or weight: whole when it is whole, else to two decimals (admissions are annualised). */
function counted(value) {
  const n = Number(value);
  return Number.isInteger(n) ? count(n) : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

