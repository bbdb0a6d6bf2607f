// The spend curve of one fund account, drawn with Apache ECharts (served by the app as /dashboard/lib/echarts.min.js):
// actual cumulative fund paid by month, the expected cumulative by the county's monthly profile (flat by days when
// it has none), and the projection from today's figure to the projected year end.
import { t, monthLabel } from './i18n.js';
import { money, moneyAxis, chinaMonth } from './format.js';

const colors = { actual: '#1f4e8c', expected: '#8a96a6', budget: '#c2332b' };
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

/** The three series at the start of the year and each month's end, in yuan; null where a series has no point. */
export function spendSeries(snapshot, profile) {
  const year = snapshot.fundYear;
  const shares = monthShares(year, profile);
  const cumulativeShare = [];
  shares.reduce((sum, share, i) => (cumulativeShare[i] = sum + share), 0);

  const budget = snapshot.annualBudget != null ? Number(snapshot.annualBudget) : null;
  const expected = budget != null ? [0, ...cumulativeShare.map((share) => budget * share)] : null;

  const paidByMonth = new Map();
  for (const month of snapshot.monthly ?? []) {
    const [y, m] = month.month.split('-').map(Number);
    if (y === year) paidByMonth.set(m, Number(month.fundPaid));
  }

  // The last month with figures: the settlement month of asOf within the fund year, else the last month paid.
  let lastMonth = Math.max(0, ...paidByMonth.keys());
  if (snapshot.asOf) {
    const asOf = chinaMonth(snapshot.asOf);
    if (asOf.year === year) lastMonth = Math.max(lastMonth, asOf.month);
    else if (asOf.year > year) lastMonth = 12;
  }

  // Index 0 is the start of the year (nothing spent); index m is the end of month m.
  const actual = [0];
  let running = 0;
  for (let m = 1; m <= 12; m++) {
    running += paidByMonth.get(m) ?? 0;
    actual.push(m <= lastMonth ? running : null);
  }

  let projection = null;
  const projectedYearEnd = snapshot.projectedYearEnd != null ? Number(snapshot.projectedYearEnd) : null;
  if (projectedYearEnd != null && lastMonth > 0 && lastMonth < 12) {
    // From today's figure to the projected year end, following the shape of the expected spend that is left.
    const paid = Number(snapshot.fundPaid);
    const timeShare = snapshot.timeShare != null ? Number(snapshot.timeShare) : cumulativeShare[lastMonth - 1];
    const left = Math.max(1e-9, 1 - timeShare);
    projection = [null, ...cumulativeShare.map((share, i) => {
      const m = i + 1;
      if (m < lastMonth) return null;
      if (m === lastMonth) return paid;
      return paid + (projectedYearEnd - paid) * Math.min(1, Math.max(0, (share - timeShare) / left));
    })];
    actual[lastMonth] = paid;
  }

  return { points: 13, actual, expected, projection, budget, flat: !(profile && profile.length === 12) };
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
    const line = (name, data, color, extra = {}) => ({
      name, type: 'line', data, connectNulls: false, symbol: 'circle', symbolSize: 5, showSymbol: true,
      lineStyle: { color, width: 2, ...(extra.lineStyle ?? {}) }, itemStyle: { color }, ...extra,
    });

    const all = [
      line(t('chart.actual'), series.actual, colors.actual, { areaStyle: { color: 'rgba(31,78,140,0.08)' }, z: 3 }),
    ];
    if (series.budget != null) {
      // A series rather than a mark line, so the axis always reaches the budget and picks round numbers for it.
      all.push(line(t('chart.budget'), series.actual.map(() => series.budget), colors.budget, {
        lineStyle: { type: 'dotted', width: 1.5 }, symbol: 'none', silent: true, z: 1,
      }));
    }

    if (series.expected) {
      all.push(line(t('chart.expected'), series.expected, colors.expected, { lineStyle: { type: 'dashed' }, symbolSize: 3 }));
    }

    if (series.projection) {
      all.push(line(t('chart.projection'), series.projection, paceColors[pace] ?? paceColors.none, { lineStyle: { type: [6, 4] }, symbol: 'emptyCircle' }));
    }

    const largest = Math.max(0, ...all.flatMap((s) => s.data).filter((v) => v != null));
    this.chart.setOption({
      animation: false,
      textStyle: { fontFamily: font },
      color: all.map((s) => s.itemStyle.color),
      grid: { left: 12, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 4, left: 0, itemWidth: 18, itemHeight: 8, textStyle: { color: '#3c4856' } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => (value == null ? '—' : money(value)),
      },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: [t('chart.start'), ...Array.from({ length: 12 }, (_, i) => monthLabel(i + 1))],
        axisLine: { lineStyle: { color: '#b9c2cd' } },
        axisLabel: { color: '#5f6b7a' },
      },
      yAxis: {
        type: 'value',
        min: 0,
        axisLabel: { color: '#5f6b7a', formatter: moneyAxis(largest) },
        splitLine: { lineStyle: { color: '#eef1f5' } },
      },
      series: all,
    }, { notMerge: true });
    return series.flat;
  }

  dispose() {
    this.resize.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }
}
