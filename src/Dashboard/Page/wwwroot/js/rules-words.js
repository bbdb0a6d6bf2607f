// The rule library's codes in words: a parameter's value with its unit, a scope (region:530900, county:530922) by
// its name, who changed a version, and the server's validation messages (English, naming the field) in the page's
// language. The server sends codes and figures; this module is where the page words them, for rules.js and
// rules-backtest.js alike.
import { h } from './dom.js';
import { t, term, lang } from './i18n.js';

/** A value of a parameter with its unit: 15 天 / 15 days, 110%; the bare number when the parameter is unknown. */
export function valueText(parameter, value) {
  if (value === null || value === undefined) return '—';
  const number = Number(value).toLocaleString('en-US', { maximumFractionDigits: 4 });
  if (!parameter) return number;
  const key = `rules.unitValue.${parameter.unit}${Number(value) === 1 ? '.one' : ''}`;
  return t(key, { value: number }).replace(key, number);
}

/** The rule's name in the page language. */
export function ruleName(rule) {
  return lang() === 'en' ? rule.nameEn : rule.nameZh;
}

/** The parameter's name in the page language. */
export function parameterName(parameter) {
  return lang() === 'en' ? parameter.nameEn : parameter.nameZh;
}

/**
 * A function that words a rule's text: the logic and grades name parameters by their code (windowDays), which a
 * regulator reads by name (「再入院时间窗」).
 */
export function ruleWords(rule) {
  const names = [...rule.parameters].sort((a, b) => b.name.length - a.name.length);
  if (names.length === 0) return (text) => text ?? '';
  const pattern = new RegExp(`\\b(${names.map((p) => p.name).join('|')})\\b`, 'g');
  return (text) => String(text ?? '').replace(pattern, (name) => t('rules.paramRef', { name: parameterName(names.find((p) => p.name === name)) }));
}

/** A scope by name: 全部州/市（默认）, 州/市 · 临沧市, 县 · 云县 (the id when this reader's registry does not hold it). */
export function scopeText(scope, model) {
  if (scope === 'region:*') return t('rules.scope.everyRegion');
  const [kind] = String(scope ?? '').split(':');
  if (kind === 'region' || kind === 'county') return t(`rules.scope.${kind}`, { name: placeName(scope, model) });
  return placeName(scope, model);
}

/** The place a scope names, by its name alone: 临沧市, 云县, 云县人民医院. */
function placeName(scope, model) {
  const [kind, id] = String(scope ?? '').split(/:(.*)/s);
  if (kind === 'region') return model.regions.find((r) => r.regionId === id)?.name ?? id;
  if (kind === 'county' || kind === 'hospital') return model.entities.get(`${kind}:${id}`)?.name ?? id;
  return scope === '*' ? t('scope.all') : String(scope ?? '—');
}

/** Who changed a version ("regulator:region:530900", "admin:alice", "system") in words. */
export function byText(by, model) {
  if (!by || by === 'system') return t('rules.by.system');
  const [role, who] = String(by).split(/:(.*)/s);
  if (!who) return term('role', role);
  const isScope = (text) => /^(region|county|hospital):/.test(text) || text === '*';
  if (isScope(who)) return t('rules.by.rolePlace', { role: term('role', role), place: placeName(who, model) });
  // A subject minted for a role and scope ("regulator@region:530900") is that role speaking for that place.
  const [name, place] = who.split(/@(.*)/s);
  if (place && isScope(place)) {
    const rolePlace = t('rules.by.rolePlace', { role: term('role', role), place: placeName(place, model) });
    return name === role ? rolePlace : t('rules.by.named', { name, role: rolePlace });
  }

  return t('rules.by.named', { name: who, role: term('role', role) });
}

/**
 * A validation message of the server for one field, in the page language where the page knows its shape; the
 * server's own words otherwise (they name the field, so nothing is lost).
 */
export function fieldError(rule, field, message) {
  const text = String(message ?? '');
  const named = (code) => {
    const p = rule.parameters.find((x) => x.name === code);
    return p ? parameterName(p) : code;
  };
  if (field.startsWith('parameters.')) {
    const parameter = rule.parameters.find((p) => `parameters.${p.name}` === field);
    const value = /;\s*(-?[\d.]+) is outside/.exec(text)?.[1];
    if (/whole number/.test(text)) return t('rules.error.whole', { unit: parameter ? term('rules.unit', parameter.unit) : '' });
    if (/must be between/.test(text) && parameter) {
      return t('rules.error.bounds', { min: valueText(parameter, parameter.min), max: valueText(parameter, parameter.max), value: value === undefined ? '—' : valueText(parameter, value) });
    }

    const above = /must be above (\w+)/.exec(text);
    if (above) return t('rules.error.above', { other: named(above[1]) });
    const notAbove = /must not exceed (\w+)/.exec(text);
    if (notAbove) return t('rules.error.notAbove', { other: named(notAbove[1]) });
    if (/has no parameter/.test(text)) return t('rules.error.unknown');
    return text;
  }

  if (/is required/.test(text)) return t('rules.error.required');
  if (field === 'scope') return t('rules.error.scope');
  return text;
}

/** The message for a field of a form, beside it (data-error-for names the field), or nothing when it has none. */
export function errorBeside(errors, field) {
  return errors[field] ? h('p', { class: 'field-error', role: 'alert', dataset: { errorFor: field } }, errors[field]) : null;
}
