// 规则库: the rules the system judges (GET /api/rules), each with its parameters and its versions for each scope, who
// changed what and why; and for admin and regulators the draft (草稿) of a new version for a scope they may change, its
// backtest (回溯测试, rules-backtest.js) and its publication (发布). The server decides what this token sees — a
// hospital or an inspector is sent published versions only — and refuses what it may not do; the page words it.
import { h, clear } from './dom.js';
import { t, term, lang } from './i18n.js';
import { dateTime, chinaDate } from './format.js';
import { getJson, postJson } from './api.js';
import { BacktestPanel } from './rules-backtest.js';
import { ruleWords, valueText, scopeText, byText, fieldError, parameterName, ruleName, errorBeside } from './rules-words.js';

const versionColumns = ['version', 'scope', 'effectiveFrom', 'parameters', 'status', 'by', 'at', 'reason', 'actions'];

export class RulesView {
  /** root: the element the view draws into; context: { token, who, model, onUnauthorized }. */
  constructor(root, context) {
    this.root = root;
    this.ctx = context;
    this.rules = null;
    this.ruleId = null;
    this.error = null;
    this.generation = 0;
    this.openHistory = new Set();
    this.publishing = null;
    this.publishError = null;
    this.notice = null;
    this.draft = null;
    this.backtest = null;
  }

  /** Admin and regulators draft and publish; everyone else reads the published library. */
  mayChange() {
    return this.ctx.who.role === 'admin' || this.ctx.who.role === 'regulator';
  }

  /** The scopes this reader may change, as RuleScopes.MayChange on the server has them: [{ scope, label }]. */
  scopes() {
    const { who, model } = this.ctx;
    if (!this.mayChange()) return [];
    const regions = model.regions.filter((r) => who.role === 'admin' || (who.scopeKind === 'region' && r.regionId === who.scopeId));
    const out = [];
    for (const region of regions) out.push({ scope: `region:${region.regionId}`, regionId: region.regionId });
    for (const region of model.regions) {
      for (const county of region.counties) {
        const mine = who.role === 'admin' || (who.scopeKind === 'region' && region.regionId === who.scopeId)
          || (who.scopeKind === 'county' && county.id === who.scopeId);
        if (mine) out.push({ scope: `county:${county.id}`, regionId: region.regionId });
      }
    }

    return out;
  }

  async show(ruleId) {
    this.ruleId = ruleId;
    if (!this.rules && !this.error) await this.load();
    else this.draw();
  }

  relabel() {
    this.backtest?.relabel();
    this.draw();
  }

  /** Signing out: a backtest still running stops being polled. */
  close() {
    this.backtest?.close();
    this.backtest = null;
  }

  async load() {
    const generation = ++this.generation;
    try {
      this.rules = await getJson(this.ctx.token, 'api/rules');
      this.error = null;
    } catch (error) {
      if (error.status === 401) return this.ctx.onUnauthorized();
      this.error = error;
    }

    if (generation !== this.generation) return;
    this.root.dataset.state = 'ready';
    this.draw();
  }

  current() {
    if (!this.rules) return null;
    return this.rules.find((r) => r.rule.ruleId === this.ruleId) ?? this.rules[0] ?? null;
  }

  draw() {
    const root = clear(this.root);
    if (this.root.dataset.state !== 'ready') this.root.dataset.state = 'loading';
    root.append(h('div', { class: 'pkg-head rules-head' },
      h('div', {},
        h('h2', { id: 'rules-heading' }, t('rules.heading')),
        h('p', { class: 'muted small pkg-motto' }, t(this.mayChange() ? 'rules.motto' : 'rules.mottoReader')))));
    if (this.error) {
      root.append(h('p', { class: 'notice-box pkg-refused', role: 'status' }, t('rules.failed', { error: this.error.message })));
      return;
    }

    if (!this.rules) {
      root.append(h('p', { class: 'empty' }, t('detail.loading')));
      return;
    }

    const doc = this.current();
    root.append(h('div', { class: 'rules-layout' }, this.list(doc), doc ? this.detail(doc) : h('p', { class: 'empty' }, t('rules.none'))));
  }

  /** Every rule of the library, the open one pressed. */
  list(open) {
    return h('nav', { class: 'rules-list', 'aria-label': t('rules.heading') },
      h('ul', {}, this.rules.map((doc) => {
        const r = doc.rule;
        const drafts = doc.versions.filter((v) => v.status === 'draft').length;
        return h('li', {}, h('a', {
          class: 'rules-item', href: `#rules/${encodeURIComponent(r.ruleId)}`, dataset: { rule: r.ruleId },
          'aria-current': String(doc === open),
        },
        h('span', { class: 'rules-item-name' }, ruleName(r)),
        h('span', { class: 'rules-item-other', lang: otherLang() }, otherName(r)),
        h('span', { class: 'rules-item-tags' },
          h('span', { class: 'tag' }, term('rules.stage', r.stage)),
          drafts > 0 ? h('span', { class: 'tag rules-draft-tag' }, t('rules.draftCount', { count: drafts })) : null)));
      })));
  }

  detail(doc) {
    const r = doc.rule;
    const words = ruleWords(r);
    if (this.backtest?.ruleId === r.ruleId) this.backtest.stillDraft(doc.versions.some((v) => v.version === this.backtest.version && v.status === 'draft'));
    return h('section', { class: 'rules-detail', id: 'rule-detail', dataset: { rule: r.ruleId } },
      h('div', { class: 'rules-title' },
        h('h3', { id: 'rule-name' }, ruleName(r)),
        h('span', { class: 'rules-title-other', lang: otherLang() }, otherName(r)),
        h('span', { class: 'tag', dataset: { stage: r.stage } }, term('rules.stage', r.stage))),
      h('dl', { class: 'rules-facts' },
        h('dt', {}, t('rules.scene')), h('dd', {}, lang() === 'en' ? r.sceneEn : r.sceneZh),
        h('dt', {}, t('rules.logic')), h('dd', { id: 'rule-logic' }, words(lang() === 'en' ? r.logicEn : r.logicZh)),
        r.grades.length > 0 ? [h('dt', {}, t('rules.grades')), h('dd', {}, h('ul', { class: 'rules-grades' }, r.grades.map((g) =>
          h('li', {}, h('span', { class: 'severity', dataset: { severity: g.severity } }, term('severity', g.severity)), ' ',
            words(lang() === 'en' ? g.whenEn : g.whenZh)))))] : null),
      this.parameters(r),
      // Kept as a key and its figures, so it reads in the language of the moment, not of the click.
      this.notice ? h('p', { class: 'notice-box rules-notice', role: 'status' },
        t(this.notice.key, { version: this.notice.version, scope: scopeText(this.notice.scope, this.ctx.model) })) : null,
      this.versions(doc),
      this.backtest && this.backtest.ruleId === r.ruleId ? this.backtest.element : null,
      this.mayChange() && r.parameters.length > 0 ? this.draftForm(doc) : null);
  }

  /** 参数与参考阈值: each parameter's unit, the bounds a draft must keep and its default. */
  parameters(r) {
    if (r.parameters.length === 0) return h('p', { class: 'muted small' }, t('rules.noParameters'));
    return h('section', { class: 'pkg-section', id: 'rule-parameters' },
      h('h4', { class: 'section-title' }, t('rules.parameters')),
      h('div', { class: 'table-scroll' }, h('table', { class: 'case-queue rules-table rules-params' },
        h('thead', {}, h('tr', {}, ['name', 'unit', 'min', 'max', 'default'].map((c) =>
          h('th', { class: c === 'name' || c === 'unit' ? null : 'num' }, t(`rules.param.${c}`))))),
        h('tbody', {}, r.parameters.map((p) => h('tr', { dataset: { parameter: p.name } },
          h('th', { scope: 'row' }, parameterName(p), p.whole ? h('span', { class: 'muted small' }, ` ${t('rules.whole')}`) : null),
          h('td', {}, term('rules.unit', p.unit)),
          h('td', { class: 'num' }, valueText(p, p.min)),
          h('td', { class: 'num' }, valueText(p, p.max)),
          h('td', { class: 'num' }, valueText(p, p.default))))))));
  }

  /** 版本: every version this reader may see, newest first, with its history, and a draft's backtest and publication. */
  versions(doc) {
    const r = doc.rule;
    const columns = versionColumns;
    const rows = [];
    for (const v of doc.versions) {
      const key = `${r.ruleId}/${v.version}`;
      const historyOpen = this.openHistory.has(key);
      rows.push(h('tr', { dataset: { version: v.version, status: v.status } },
        h('td', { class: 'num' }, t('rules.versionNumber', { version: v.version })),
        h('td', {}, scopeText(v.scope, this.ctx.model)),
        h('td', { class: 'nowrap' }, v.effectiveFrom ?? t('rules.always')),
        h('td', { class: 'rules-values' }, r.parameters.map((p) => h('div', {}, `${parameterName(p)} ${valueText(p, v.parameters[p.name])}`))),
        h('td', {}, h('span', { class: 'status-chip rules-status', dataset: { status: v.status } }, term('rules.status', v.status))),
        h('td', { class: 'nowrap' }, byText(v.by, this.ctx.model)),
        h('td', { class: 'nowrap' }, dateTime(v.at)),
        h('td', { class: 'rules-reason' }, reasonText(v.history[0])),
        h('td', {}, h('div', { class: 'rules-actions' },
          h('button', {
            type: 'button', class: 'link-button rules-history-toggle', 'aria-expanded': String(historyOpen),
            onclick: () => { if (historyOpen) this.openHistory.delete(key); else this.openHistory.add(key); this.draw(); },
          }, t(historyOpen ? 'rules.hideHistory' : 'rules.showHistory')),
          v.status === 'draft' && this.mayChange() ? [
            // Only a rule the detectors read from the library changes anything when drafted; the server tries no other.
            r.readAtRunTime ? h('button', { type: 'button', class: 'link-button rules-backtest-open', onclick: () => this.openBacktest(r, v) }, t('rules.backtest')) : null,
            h('button', { type: 'button', class: 'link-button rules-publish-open', onclick: () => { this.publishing = v.version; this.publishError = null; this.draw(); } }, t('rules.publish')),
          ] : null))));
      if (historyOpen) rows.push(h('tr', { class: 'rules-history-row', dataset: { historyOf: v.version } }, h('td', { colspan: columns.length }, this.history(r, v))));
      if (this.publishing === v.version && v.status === 'draft') rows.push(h('tr', { class: 'rules-publish-row' }, h('td', { colspan: columns.length }, this.publishForm(r, v))));
    }

    return h('section', { class: 'pkg-section', id: 'rule-versions' },
      h('h4', { class: 'section-title' }, t('rules.versions')),
      h('p', { class: 'muted small' }, t('rules.versionsNote')),
      h('div', { class: 'table-scroll' }, h('table', { class: 'case-queue rules-table rules-versions' },
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c === 'version' ? 'num' : null }, t(`rules.col.${c}`))))),
        h('tbody', {}, rows))));
  }

  /** One version's history: each change, who made it, when and why, and the parameters it moved (before → after). */
  history(r, v) {
    const words = ruleWords(r);
    return h('ol', { class: 'rules-history' }, v.history.map((change) => h('li', { dataset: { action: change.action } },
      h('div', { class: 'rules-history-head' },
        h('span', { class: 'rules-action' }, term('rules.action', change.action)),
        h('span', { class: 'muted' }, `${byText(change.by, this.ctx.model)} · ${dateTime(change.at)}`)),
      h('div', {}, reasonText(change)),
      change.diff.length === 0 ? null : h('ul', { class: 'rules-diff' }, inParameterOrder(r, change.diff).map((d) => {
        const p = r.parameters.find((x) => x.name === d.name);
        const set = d.from === null || d.from === undefined;
        return h('li', { dataset: { parameter: d.name } },
          h('span', { class: 'rules-diff-name' }, p ? parameterName(p) : words(d.name)), t('rules.colon'),
          set ? `${t('rules.diffSet')} ` : [h('span', { class: 'rules-diff-from' }, valueText(p, d.from)), ' → '],
          h('span', { class: 'rules-diff-to' }, valueText(p, d.to)));
      })))));
  }

  publishForm(r, v) {
    const reason = h('input', { id: 'rule-publish-reason', type: 'text', maxlength: 500, value: '' });
    const submit = async (event) => {
      event.preventDefault();
      try {
        await postJson(this.ctx.token, `api/rules/${encodeURIComponent(r.ruleId)}/versions/${v.version}/publish`, { reason: reason.value.trim() });
        this.publishing = null;
        this.publishError = null;
        this.notice = { key: 'rules.published', version: v.version, scope: v.scope };
        await this.load();
      } catch (error) {
        if (error.status === 401) return this.ctx.onUnauthorized();
        this.publishError = error.status === 403 ? t('rules.refused', { error: error.message }) : t('rules.publishFailed', { error: error.message });
        this.draw();
      }
    };
    return h('form', { class: 'case-actions rules-publish-form', id: 'rule-publish', onsubmit: submit, novalidate: true },
      h('p', { class: 'small' }, t('rules.publishHint', { version: v.version, scope: scopeText(v.scope, this.ctx.model), date: v.effectiveFrom ?? t('rules.always') })),
      h('div', { class: 'case-fields' },
        h('label', { class: 'field' }, h('span', {}, t('rules.publishReason')), reason),
        this.publishError ? h('p', { class: 'error', role: 'alert', id: 'rule-publish-error' }, this.publishError) : null,
        h('div', { class: 'rules-buttons' },
          h('button', { type: 'submit', class: 'primary', id: 'rule-publish-submit' }, t('rules.publishConfirm')),
          h('button', { type: 'button', class: 'link-button', onclick: () => { this.publishing = null; this.draw(); } }, t('rules.cancel')))));
  }

  openBacktest(r, v) {
    if (this.backtest?.ruleId !== r.ruleId || this.backtest?.version !== v.version) {
      this.backtest?.close();
      this.backtest = new BacktestPanel({ ...this.ctx, rule: r, version: v, names: ruleWords(r) });
    }

    this.draw();
    this.backtest.element.scrollIntoView({ block: 'start' });
  }

  /** 拟定草稿: a scope the reader may change, the date it judges from, the parameters over those in force, and why. */
  draftForm(doc) {
    const r = doc.rule;
    const scopes = this.scopes();
    const draft = this.draft?.ruleId === r.ruleId ? this.draft : (this.draft = {
      ruleId: r.ruleId, scope: scopes[0]?.scope ?? '', effectiveFrom: chinaDate(new Date().toISOString()), values: null, reason: '', errors: {}, form: null,
    });
    const regionOf = (scope) => scopes.find((s) => s.scope === scope)?.regionId ?? null;
    const inForce = inForceFor(doc.versions, draft.scope, draft.effectiveFrom, regionOf(draft.scope));
    if (!draft.values) draft.values = Object.fromEntries(r.parameters.map((p) => [p.name, String(inForce?.parameters[p.name] ?? p.default)]));
    const error = (field) => errorBeside(draft.errors, field);
    const refill = () => {
      draft.values = null;
      this.draw();
    };
    const scope = h('select', {
      id: 'rule-draft-scope', onchange: (event) => { draft.scope = event.target.value; refill(); },
    }, scopes.map((s) => h('option', { value: s.scope, selected: s.scope === draft.scope }, scopeText(s.scope, this.ctx.model))));
    const effective = h('input', {
      id: 'rule-draft-effective', type: 'date', value: draft.effectiveFrom,
      onchange: (event) => { draft.effectiveFrom = event.target.value; refill(); },
    });
    const reason = h('textarea', { id: 'rule-draft-reason', rows: 2, maxlength: 500, oninput: (event) => { draft.reason = event.target.value; } }, draft.reason);
    const inputs = r.parameters.map((p) => {
      const input = h('input', {
        id: `rule-draft-${p.name}`, type: 'number', step: p.whole ? 1 : 'any', value: draft.values[p.name], dataset: { parameter: p.name },
        oninput: (event) => { draft.values[p.name] = event.target.value; },
      });
      return h('label', { class: 'field rules-param-field', dataset: { field: `parameters.${p.name}`, invalid: draft.errors[`parameters.${p.name}`] ? 'true' : null } },
        h('span', {}, parameterName(p)),
        h('span', { class: 'rules-input-line' }, input, h('span', { class: 'muted small' }, term('rules.unit', p.unit))),
        h('span', { class: 'muted small' }, t('rules.bounds', { min: valueText(p, p.min), max: valueText(p, p.max) })),
        error(`parameters.${p.name}`));
    });
    const submit = async (event) => {
      event.preventDefault();
      draft.errors = {};
      const parameters = {};
      for (const p of r.parameters) {
        const text = String(draft.values[p.name] ?? '').trim();
        if (text !== '') parameters[p.name] = Number(text);
      }

      try {
        const created = await postJson(this.ctx.token, `api/rules/${encodeURIComponent(r.ruleId)}/drafts`,
          { scope: draft.scope, effectiveFrom: draft.effectiveFrom || null, parameters, reason: draft.reason.trim() });
        this.draft = null;
        this.notice = { key: 'rules.drafted', version: created.version, scope: draft.scope };
        await this.load();
      } catch (failure) {
        if (failure.status === 401) return this.ctx.onUnauthorized();
        if (failure.errors) {
          for (const [field, messages] of Object.entries(failure.errors)) draft.errors[field] = fieldError(r, field, messages[0]);
        } else {
          draft.errors.form = failure.status === 403 ? t('rules.refused', { error: failure.message }) : t('rules.draftFailed', { error: failure.message });
        }

        this.draw();
      }
    };
    // novalidate: the server checks the bounds and says which field is wrong; the page words it beside the field.
    return h('form', { class: 'case-actions rules-draft', id: 'rule-draft', onsubmit: submit, novalidate: true },
      h('h4', { class: 'section-title' }, t('rules.draft.heading')),
      h('p', { class: 'muted small' }, inForce
        ? t('rules.draft.basis', { version: inForce.version, scope: scopeText(inForce.scope, this.ctx.model) })
        : t('rules.draft.basisDefault')),
      h('div', { class: 'rules-draft-grid' },
        h('label', { class: 'field', dataset: { field: 'scope' } }, h('span', {}, t('rules.draft.scope')), scope, error('scope')),
        h('label', { class: 'field', dataset: { field: 'effectiveFrom' } }, h('span', {}, t('rules.draft.effectiveFrom')), effective, error('effectiveFrom')),
        inputs),
      h('label', { class: 'field rules-reason-field', dataset: { field: 'reason' } }, h('span', {}, t('rules.draft.reason')), reason, error('reason')),
      draft.errors.form ? h('p', { class: 'error', role: 'alert', id: 'rule-draft-error' }, draft.errors.form) : null,
      Object.keys(draft.errors).some((k) => k !== 'form' && !['scope', 'effectiveFrom', 'reason'].includes(k) && !k.startsWith('parameters.'))
        ? h('p', { class: 'error', role: 'alert' }, Object.entries(draft.errors).filter(([k]) => k !== 'form').map(([, m]) => m).join('；'))
        : null,
      h('button', { type: 'submit', class: 'primary', id: 'rule-draft-submit' }, t('rules.draft.submit')));
  }
}

/**
 * The version in force for a scope on a day, as RuleLibrary.InForce decides on the server: the scope's own published
 * (or superseded, for days before its successor) version with the latest effective date, then the region's, then the
 * seeded default for every region.
 */
export function inForceFor(versions, scope, day, regionId) {
  const own = (s) => versions
    .filter((v) => v.scope === s && (v.status === 'published' || v.status === 'superseded') && (v.effectiveFrom ?? '') <= (day || '9999-12-31'))
    .sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '') || a.version - b.version)
    .pop() ?? null;
  return own(scope) ?? (regionId && scope.startsWith('county:') ? own(`region:${regionId}`) : null) ?? own('region:*');
}

/** The rule's name in the other language, shown beside it (the library names every rule in both). */
function otherName(rule) {
  return lang() === 'en' ? rule.nameZh : rule.nameEn;
}

function otherLang() {
  return lang() === 'en' ? 'zh-CN' : 'en';
}

/** A change's parameters in the order the rule lists them (the server sends them by name). */
function inParameterOrder(rule, diff) {
  const at = (name) => {
    const index = rule.parameters.findIndex((p) => p.name === name);
    return index < 0 ? rule.parameters.length : index;
  };
  return [...diff].sort((a, b) => at(a.name) - at(b.name));
}

/** Why a change was made: the regulator's words, or the page's for the system's own changes (seeding, superseding). */
function reasonText(change) {
  if (!change) return '—';
  if (change.action === 'seed') return t('rules.reason.seed');
  if (change.action === 'supersede') {
    const by = /version (\d+)/.exec(change.reason ?? '');
    return by ? t('rules.reason.supersededBy', { version: by[1] }) : change.reason;
  }

  return change.reason || '—';
}
