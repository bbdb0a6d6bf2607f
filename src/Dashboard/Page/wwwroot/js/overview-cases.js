// The overview's county slot for inspection cases (稽核案件): how many cases are still open in each county and the
// amount they put at stake, from GET /api/cases/summary, which the server has already cut to the caller's scope.
// Read with the overview and kept until the next read, so a re-drawn ranking never waits on it.
import { h } from './dom.js';
import { t } from './i18n.js';
import { moneyWan } from './format.js';
import { registerCountyExtra } from './overview.js';
import { summary } from './cases-api.js';

// Still open: not yet decided, or decided and under appeal (CaseStatus.IsActive on the server).
const activeStatuses = new Set(['open', 'assigned', 'awaiting-hospital', 'under-review', 'appealed']);

let byCounty = null;

/** Open cases and their amount at stake per county of a summary document. */
export function openCasesByCounty(doc) {
  const counties = new Map();
  for (const tally of doc?.byCountyAndStatus ?? []) {
    if (!activeStatuses.has(tally.status)) continue;
    const row = counties.get(tally.countyId) ?? { cases: 0, atStake: 0 };
    row.cases += tally.cases;
    row.atStake += Number(tally.amountAtStake);
    counties.set(tally.countyId, row);
  }

  return counties;
}

/** Re-reads the summary; on a refusal or a failure the slot stays empty rather than showing stale or wrong counts. */
export async function refreshCountyCases(token) {
  try {
    byCounty = openCasesByCounty(await summary(token));
  } catch {
    byCounty = null;
  }
}

registerCountyExtra((countyId, slot) => {
  if (!byCounty) return;
  const open = byCounty.get(countyId);
  slot.append(open && open.cases > 0
    ? h('span', { class: 'tally cases', dataset: { cases: open.cases, atStake: open.atStake } },
      t('overview.openCases', { count: open.cases, amount: moneyWan(open.atStake) }))
    : h('span', { class: 'tally cases', dataset: { cases: 0 } }, t('overview.noOpenCases')));
});
