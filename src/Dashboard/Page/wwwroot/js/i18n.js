// Chinese first, English on request: the words are in one file per locale (locales/zh.js, locales/en.js); this module
// picks the reader's language and fills placeholders in.
import * as zh from './locales/zh.js';
import * as en from './locales/en.js';

const texts = { zh: zh.texts, en: en.texts };
const figureLabels = { zh: zh.figures, en: en.figures };

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const storageKey = 'monitoring.lang';
let current = localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
const listeners = new Set();

export function lang() {
  return current;
}

export function setLang(next) {
  if (next !== 'zh' && next !== 'en') return;
  current = next;
  localStorage.setItem(storageKey, next);
  applyStatic();
  for (const listener of listeners) listener(next);
}

export function onLangChange(listener) {
  listeners.add(listener);
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, vars = {}) {
  const text = texts[current][key] ?? texts.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** The label of a known term (kind, level, severity…), or the raw value when the page does not know it. */
export function term(prefix, value) {
  const key = `${prefix}.${value}`;
  return key in texts[current] ? texts[current][key] : String(value);
}

/** The label of an evidence figure (a dotted key for nested figures: thresholds.noticeGapPoints). */
export function figureLabel(key) {
  const leaf = key.split('.').pop();
  return figureLabels[current][key] ?? figureLabels[current][leaf] ?? humanize(leaf);
}

export function monthLabel(month) {
  return t('chart.month', { month, monthName: monthNames[month - 1] });
}

/** Re-labels the static markup (elements with data-i18n) and the document's language. */
export function applyStatic() {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }

  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === current));
  }
}

function humanize(key) {
  if (current === 'zh') return key;
  return key.replace(/([a-z0-9])([A-Z])/g, (_, a, b) => `${a} ${b.toLowerCase()}`).replace(/^./, (c) => c.toUpperCase());
}
