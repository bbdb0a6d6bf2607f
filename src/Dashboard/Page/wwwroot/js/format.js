// Numbers and times as a regulator reads them: money in 万元/亿元 (or ¥ with M/B), shares as percentages,
// and settlement times on the China clock (budget time is Beijing time, whatever offset a feed used).
import { lang } from './i18n.js';

const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

function grouped(value, digits) {
  return Number(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A compact amount for a large total: 1.80亿元, 1,140.0万元, 831元 / ¥180.0M, ¥11.4M, ¥831 (no cents in prose). */
export function money(value) {
  if (value === null || value === undefined) return '—';
  const amount = Number(value);
  const abs = Math.abs(amount);
  if (lang() === 'zh') {
    if (abs >= 1e8) return `${grouped(amount / 1e8, 2)}亿元`;
    if (abs >= 1e4) return `${grouped(amount / 1e4, 1)}万元`;
    return `${grouped(amount, 0)}元`;
  }

  const sign = amount < 0 ? '-' : '';
  if (abs >= 1e9) return `${sign}¥${grouped(abs / 1e9, 2)}B`;
  if (abs >= 1e6) return `${sign}¥${grouped(abs / 1e6, 1)}M`;
  if (abs >= 1e4) return `${sign}¥${grouped(abs / 1e3, 1)}K`;
  return `${sign}¥${grouped(abs, 0)}`;
}

/**
 * An amount in the one unit of a list, whatever its size, so rows compare at a glance: 18,000万元, 812.5万元 /
 * ¥180.0M, ¥8.13M.
 */
export function moneyWan(value) {
  if (value === null || value === undefined) return '—';
  const amount = Number(value);
  const abs = Math.abs(amount);
  if (lang() === 'zh') return `${grouped(amount / 1e4, abs >= 1e7 ? 0 : 1)}万元`;
  return `${amount < 0 ? '-' : ''}¥${grouped(abs / 1e6, abs >= 1e7 ? 1 : 2)}M`;
}

/**
 * One unit for a whole view, chosen by its largest amount: 亿元 when that is a hundred million or more, else 万元
 * (English: ¥B or ¥M). Returns a formatter, so a panel's figures never mix 亿元 and 万元.
 */
export function moneyUnit(largest) {
  const big = Math.abs(Number(largest ?? 0));
  if (lang() === 'zh') {
    return big >= 1e8
      ? (v) => (v === null || v === undefined ? '—' : `${grouped(Number(v) / 1e8, 2)}亿元`)
      : (v) => (v === null || v === undefined ? '—' : `${grouped(Number(v) / 1e4, 1)}万元`);
  }

  return big >= 1e9
    ? (v) => (v === null || v === undefined ? '—' : `${Number(v) < 0 ? '-' : ''}¥${grouped(Math.abs(Number(v)) / 1e9, 2)}B`)
    : (v) => (v === null || v === undefined ? '—' : `${Number(v) < 0 ? '-' : ''}¥${grouped(Math.abs(Number(v)) / 1e6, 2)}M`);
}

/** Percentage points with a sign: +2.8 / −1.4. */
export function points(value, digits = 1) {
  if (value === null || value === undefined) return '—';
  const n = Number(value);
  return `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(digits)}`;
}

/** An exact amount, to the fen: 114,000,000.00 元 / ¥114,000,000.00. */
export function moneyExact(value) {
  if (value === null || value === undefined) return '—';
  const amount = Number(value);
  return lang() === 'zh' ? `${grouped(amount, 2)} 元` : `${amount < 0 ? '-' : ''}¥${grouped(Math.abs(amount), 2)}`;
}

/**
 * Axis labels in one unit for the whole axis, chosen by its largest value: 0.5亿, 1.0亿 / 800万 / ¥120M.
 * Returns a formatter for ECharts.
 */
export function moneyAxis(largest) {
  const big = Math.abs(Number(largest));
  if (lang() === 'zh') {
    return big >= 1e8 ? (v) => `${grouped(v / 1e8, 1)}亿` : (v) => `${grouped(v / 1e4, 0)}万`;
  }

  if (big >= 1e9) return (v) => `¥${grouped(v / 1e9, 1)}B`;
  return big >= 1e6 ? (v) => `¥${grouped(v / 1e6, 0)}M` : (v) => `¥${grouped(v / 1e3, 0)}K`;
}

/** A share of the budget (0.4213) as 42.1%. */
export function percent(share, digits = 1) {
  if (share === null || share === undefined) return '—';
  return `${(Number(share) * 100).toFixed(digits)}%`;
}

export function count(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString('en-US');
}

/** An ISO time as Beijing time, 2026-03-31 23:30. */
export function dateTime(iso) {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return String(iso);
  const parts = Object.fromEntries(chinaTime.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A date on the China clock, 2026-03-31. */
export function chinaDate(iso) {
  return dateTime(iso).slice(0, 10);
}

/** When something happened on the wall clock: the time alone today, the date and time before. */
export function clock(iso) {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return String(iso);
  if (chinaDate(at.toISOString()) !== chinaDate(new Date().toISOString())) return dateTime(iso);
  const parts = Object.fromEntries(chinaTime.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}:${String(at.getUTCSeconds()).padStart(2, '0')}`;
}

/** The calendar month (1–12) and year of an ISO time on the China clock. */
export function chinaMonth(iso) {
  const parts = Object.fromEntries(chinaTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month) };
}
