// The spend curve of one fund account, drawn with Apache ECharts (served by the app as /dashboard/lib/echarts.min.js):
// by settlement day, the actual cumulative fund paid, the planned cumulative by the county's monthly profile (linear by
// days within a month, flat by days without a profile — the same time share budget pace is judged on), the
// projection from today to the projected year end, a "today" marker in settlement time; and beside it each month's
// spend against the month's plan as bars. A month-end curve made a fund 1.2 points ahead look under plan mid-month
// and went flat on the 1st; by day it does neither.
import { t, monthLabel, lang } from './i18n.js';
import { money, moneyAxis, chinaDate } from './format.js';

const colors = { actual: '#1f4e8c', expected: '#8a96a6', budget: '#c2332b', plan: '#c9d2dd', today: '#1d2733' };
const paceColors = { none: '#3b8a64', notice: '#c99a16', warning: '#dd6f1f', critical: '#c2332b' };

/** Each month's share of the year: the profile (normalised to sum to 1), or days in month over days in year. */
export function monthShares(year, profile) {
  if (profile && profile.length === 12) {
    const total = profile.reduce((sum, share) => sum + Number(share), 0);
    if (total > 0) return profile.map((share) => Number(share) / total);
  }

  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(year, i + 1, 0)).getUTCDate() / daysInYear);
}

/** Every day of the fund year as YYYY-MM-DD, with its month (1–12) and its time share at the day's end. */
export function yearDays(year, profile) {
  const shares = monthShares(year, profile);
  const days = [];
  let before = 0;
  for (let month = 1; month <= 12; month++) {
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let day = 1; day <= length; day++) {
      days.push({
        date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        month,
        share: before + (shares[month - 1] * day) / length,
      });
    }

    before += shares[month - 1];
  }

  return { days, shares };
}

/**
 * The series by day (index i is the end of day i of the fund year) and by month, in yuan; null where a series has no
 * point. The actual curve comes from the snapshot's daily figures; where it has none (a pushed snapshot) the months'
 * totals are spread linearly within each month — the current month pro-rated up to today — and it always ends at
 * today's fund paid.
 */
export function spendSeries(snapshot, profile) {
  const year = snapshot.fundYear;
  const { days, shares } = yearDays(year, profile);
  const budget = snapshot.annualBudget != null ? Number(snapshot.annualBudget) : null;
  const expected = budget != null ? days.map((d) => budget * d.share) : null;

  // Today: the settlement day of asOf; before the year nothing is drawn, after it the whole year is.
  let today = -1;
  if (snapshot.asOf) {
    const asOf = chinaDate(snapshot.asOf);
    if (asOf > days[days.length - 1].date) today = days.length - 1;
    else today = days.findIndex((d) => d.date === asOf);
  }

  const paid = Number(snapshot.fundPaid);
  // Anchors: (day index, cumulative paid at its end); the curve is linear between them.
  const anchors = [[-1, 0]];
  if (Array.isArray(snapshot.daily) && snapshot.daily.length > 0) {
    // Every day through the last one read is an anchor (flat on days nothing was paid); past it, up to a newer pushed
    // figure for today, the difference is spread over the days between.
    const byDay = new Map(snapshot.daily.map((d) => [d.day, Number(d.fundPaid)]));
    const lastRead = days.findIndex((d) => d.date === snapshot.daily[snapshot.daily.length - 1].day);
    let running = 0;
    for (let i = 0; i <= Math.min(today, lastRead); i++) {
      running += byDay.get(days[i].date) ?? 0;
      anchors.push([i, running]);
    }
  } else {
    const byMonth = new Map();
    for (const month of snapshot.monthly ?? []) {
      const [y, m] = month.month.split('-').map(Number);
      if (y === year) byMonth.set(m, Number(month.fundPaid));
    }

    let running = 0;
    for (let m = 1; m <= 12; m++) {
      const end = days.findLastIndex((d) => d.month === m);
      if (end >= today) break;
      running += byMonth.get(m) ?? 0;
      anchors.push([end, running]);
    }
  }

  if (today >= 0) {
    while (anchors.length > 1 && anchors[anchors.length - 1][0] >= today) anchors.pop();
    anchors.push([today, paid]);
  }

  const actual = days.map(() => null);
  for (let a = 1; a < anchors.length; a++) {
    const [from, fromValue] = anchors[a - 1];
    const [to, toValue] = anchors[a];
    for (let i = Math.max(0, from + 1); i <= to; i++) {
      actual[i] = fromValue + ((toValue - fromValue) * (i - from)) / (to - from);
    }
  }

  let projection = null;
  const projectedYearEnd = snapshot.projectedYearEnd != null ? Number(snapshot.projectedYearEnd) : null;
  if (projectedYearEnd != null && today >= 0 && today < days.length - 1) {
    // From today's figure to the projected year end, following the shape of the planned spend that is left.
    const now = days[today].share;
    const left = Math.max(1e-9, 1 - now);
    projection = days.map((d, i) => (i < today ? null : paid + (projectedYearEnd - paid) * Math.min(1, Math.max(0, (d.share - now) / left))));
  }

  // Months: spend against plan; the current month against its plan to date, later months plan only.
  const monthPaid = Array(12).fill(0);
  for (let i = 0; i <= today; i++) {
    monthPaid[days[i].month - 1] = actual[i] - (i > 0 ? actual[i - 1] : 0) + monthPaid[days[i].month - 1];
  }

  const todayMonth = today >= 0 ? days[today].month : 0;
  const monthActual = monthPaid.map((value, i) => (i + 1 <= todayMonth ? value : null));
  const monthPlan = budget == null ? null : shares.map((share, i) => {
    if (i + 1 !== todayMonth) return budget * share;
    const start = days.findIndex((d) => d.month === todayMonth);
    return budget * (days[today].share - (start > 0 ? days[start - 1].share : 0));
  });

  return { days, today, actual, expected, projection, budget, monthActual, monthPlan, flat: !(profile && profile.length === 12) };
}

export class SpendChart {
  constructor(element) {
    this.element = element;
    this.chart = null;
    this.resize = new ResizeObserver(() => this.chart?.resize());
    this.resize.observe(element);
  }

  /** Draws the account's curve; returns whether the expected curve is flat (no monthly profile). */
  show(snapshot, profile, font) {
    if (!window.echarts) return null;
    if (!this.chart) {
      this.chart = window.echarts.init(this.element, null, { renderer: 'svg' });
    }

    const series = spendSeries(snapshot, profile);
    const pace = snapshot.paceLevel ?? 'none';
    const dates = series.days.map((d) => d.date);
    const line = (name, data, color, extra = {}) => ({
      name, type: 'line', data, connectNulls: false, showSymbol: false, symbol: 'circle', symbolSize: 4,
      lineStyle: { color, width: 2, ...(extra.lineStyle ?? {}) }, itemStyle: { color }, ...extra,
    });

    const todayDate = series.today >= 0 ? dates[series.today] : null;
    const all = [
      line(t('chart.actual'), series.actual, colors.actual, {
        areaStyle: { color: 'rgba(31,78,140,0.08)' },
        z: 3,
        markLine: todayDate == null ? undefined : {
          symbol: 'none',
          silent: true,
          lineStyle: { color: colors.today, type: 'solid', width: 1 },
          // Written across the top of the plot, beside the line, so it reads level and keeps off the legend.
          // Near either edge of the year the label is set to the inside of the line, or the plot's edge clips it.
          label: {
            formatter: t('chart.today', { date: shortDate(todayDate) }), position: 'end', color: colors.today, fontSize: 11, distance: 2,
            align: todayAlign(series.today, dates.length),
          },
          data: [{ xAxis: todayDate }],
        },
      }),
    ];
    if (series.budget != null) {
      // A series rather than a mark line, so the axis always reaches the budget and picks round numbers for it.
      all.push(line(t('chart.budget'), dates.map(() => series.budget), colors.budget, {
        lineStyle: { type: 'dotted', width: 1.5 }, symbol: 'none', silent: true, z: 1,
      }));
    }

    if (series.expected) {
      all.push(line(t('chart.expected'), series.expected, colors.expected, { lineStyle: { type: 'dashed', width: 1.5 } }));
    }

    if (series.projection) {
      all.push(line(t('chart.projection'), series.projection, paceColors[pace] ?? paceColors.none, { lineStyle: { type: [6, 4] } }));
    }

    all.push({
      name: t('chart.monthActual'), type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: series.monthActual,
      itemStyle: { color: paceColors[pace] ?? colors.actual }, barGap: '10%', barMaxWidth: 16,
    });
    if (series.monthPlan) {
      all.push({
        name: t('chart.monthPlan'), type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: series.monthPlan,
        itemStyle: { color: colors.plan }, barMaxWidth: 16,
      });
    }

    const largest = Math.max(0, ...all.filter((s) => s.type === 'line').flatMap((s) => s.data).filter((v) => v != null));
    const largestMonth = Math.max(0, ...[...series.monthActual, ...(series.monthPlan ?? [])].filter((v) => v != null));
    const isMonthStart = (_, value) => value.endsWith('-01');
    const axisStyle = { axisLine: { lineStyle: { color: '#b9c2cd' } } };
    this.chart.setOption({
      animation: false,
      textStyle: { fontFamily: font },
      // A scrolling legend is one line at any width: it never wraps down onto the plot or the axis.
      legend: { type: 'scroll', top: 0, left: 0, right: 0, itemWidth: 16, itemHeight: 8, textStyle: { color: '#3c4856', fontSize: 12 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => (value == null ? '—' : money(value)),
      },
      axisPointer: { link: [] },
      grid: [
        { left: 8, right: 16, top: 34, height: '52%', containLabel: true },
        { left: 8, right: 16, bottom: 4, height: '22%', containLabel: true },
      ],
      xAxis: [
        {
          type: 'category', gridIndex: 0, boundaryGap: false, data: dates, ...axisStyle,
          axisTick: { interval: isMonthStart },
          axisLabel: { interval: isMonthStart, hideOverlap: true, color: '#5f6b7a', formatter: (value) => monthLabel(Number(value.slice(5, 7))) },
        },
        {
          type: 'category', gridIndex: 1, data: Array.from({ length: 12 }, (_, i) => monthLabel(i + 1)), ...axisStyle,
          axisLabel: { color: '#5f6b7a', hideOverlap: true },
        },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, min: 0, axisLabel: { color: '#5f6b7a', formatter: moneyAxis(largest) }, splitLine: { lineStyle: { color: '#eef1f5' } } },
        { type: 'value', gridIndex: 1, min: 0, splitNumber: 2, axisLabel: { color: '#5f6b7a', formatter: moneyAxis(largestMonth) }, splitLine: { lineStyle: { color: '#eef1f5' } } },
      ],
      series: all,
    }, { notMerge: true });
    this.element.dataset.today = todayDate ?? '';
    this.element.dataset.resolution = Array.isArray(snapshot.daily) ? 'day' : 'pro-rated';
    return series.flat;
  }

  dispose() {
    this.resize.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }
}

function shortDate(date) {
  const [, m, d] = date.split('-').map(Number);
  return lang() === 'zh' ? `${m}月${d}日` : `${monthLabel(m)} ${d}`;
}

/** Where the "today" label sits against its line: to the left of it late in the year, to the right early on, else centred. */
export function todayAlign(today, days) {
  if (today > days * 0.85) return 'right';
  if (today < days * 0.1) return 'left';
  return 'center';
}
