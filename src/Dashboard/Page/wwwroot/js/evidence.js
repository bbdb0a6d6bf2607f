// An alert's evidence as people read it, written once for the alert dialog and the case sheet: single figures as a
// labelled table (nested objects under their parent's label), lists of records (ADRGs, example claims) as tables of
// their own with a column per field. Labels come from the locale files; a value is worded, never printed as an object.
import { h } from './dom.js';
import { t, term, figureLabel } from './i18n.js';
import { moneyExact, percent, dateTime } from './format.js';

// By the key's last word: "expectedHeavy" is a count of cases, "expectedToDate" money, "expectedShare" a share.
const shareKey = /(share|Share|rate|Rate|percent|Percent|pct|peerMedian|baseline|costToMedian|shiftFraction)$/;
const moneyKey = /(paid|Paid|budget|Budget|spend|Spend|ToDate|YearEnd|cost|Cost|balance|Balance|overrun|Overrun|retained|returned|amount|Amount|yuan)$/;

/** Every single figure of the evidence as [dotted key, value]; lists of records are left to {@link recordTables}. */
export function flatten(value, prefix = '', skip = new Set()) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).filter(([key]) => !skip.has(key)).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecordList(inner)) return [];
    return inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? flatten(inner, path) : [[path, inner]];
  });
}

/** The lists of records inside the evidence, as [dotted key, records]. */
export function recordLists(value, prefix = '', skip = new Set()) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).filter(([key]) => !skip.has(key)).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecordList(inner)) return inner.length > 0 ? [[path, inner]] : [];
    return inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? recordLists(inner, path) : [];
  });
}

function isRecordList(value) {
  return Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object');
}

/** The label of a dotted key: its group's label before its own, so "同级机构 · 实际/预期" reads without the code. */
export function figurePath(key) {
  const parts = key.split('.');
  if (parts.length === 1) return figureLabel(key);
  // The top-level group names it (peers.comparison.ratio is the peers' ratio); inner wrappers add nothing.
  return `${figureLabel(parts[0])} · ${figureLabel(key)}`;
}

/** One figure worded: shares as percent, money in yuan, codes as their terms, lists joined. */
export function formatFigure(key, value) {
  const leaf = key.split('.').pop();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.map((item) => formatFigure(key, item)).join('、');
  if (typeof value === 'number') {
    if (shareKey.test(leaf) && Math.abs(value) <= 10) return percent(value, 2);
    if (moneyKey.test(leaf)) return moneyExact(value);
    return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  }

  if (/^(level|previousLevel|severity|previousSeverity)$/.test(leaf)) return term('pace', value);
  if (leaf === 'signals') return term('signal', value);
  if (leaf === 'disposition') return term('disposition', value);
  if (leaf === 'aggravations') return term('aggravation', value);
  if (leaf === 'ruleId') return term('kind', value);
  if (key === 'rule.scope') return String(value).replace(/^region:\*$/, t('rules.everyRegion')).replace(/^region:/, t('rules.region')).replace(/^county:/, t('rules.county'));
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return dateTime(value);
  return String(value);
}

/** The single figures as a two-column table; null when there are none. */
export function figuresTable(evidence, skip = new Set()) {
  const rows = flatten(evidence ?? {}, '', skip);
  if (rows.length === 0) return null;
  return h('table', { class: 'figures evidence-figures' }, h('tbody', {}, rows.map(([key, value]) =>
    h('tr', { dataset: { figure: key } }, h('th', { scope: 'row' }, figurePath(key)), h('td', {}, formatFigure(key, value))))));
}

/** Each list of records as a table under its label, a column per field. */
export function recordTables(evidence, skip = new Set()) {
  return recordLists(evidence ?? {}, '', skip).map(([key, records]) => recordTable(key, records));
}

/** Records (an evidence list, or a case's line items) as one table with a column per scalar field. */
export function recordTable(key, records, caption = figurePath(key)) {
  const columns = [...new Set(records.flatMap((r) => Object.entries(r ?? {})
    .filter(([, v]) => v === null || typeof v !== 'object' || Array.isArray(v)).map(([k]) => k)))];
  return h('div', { class: 'table-scroll evidence-records', dataset: { figure: key } },
    h('table', { class: 'figures record-table' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, figureLabel(c))))),
      h('tbody', {}, records.map((r) => h('tr', {}, columns.map((c) =>
        h('td', { class: typeof r?.[c] === 'number' ? 'num' : null }, formatFigure(c, r?.[c]))))))));
}
