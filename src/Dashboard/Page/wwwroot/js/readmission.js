// A hospital's 15-day readmission rate (再入院率) beside the median of its same-level peers: the share of its
// discharges in the rate window followed by a suspected split stay (分解住院). A rate far above the peers' median is
// what the regulator follows up, so the block says so when the server has raised that alert.
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { percent, count } from './format.js';

/** Renders one hospital's readmission standing (the document of GET /api/readmission/hospital/{id}) into a section. */
export function renderReadmission(section, entity) {
  clear(section);
  section.hidden = entity?.level !== 'hospital';
  if (section.hidden) return;

  const standing = entity.readmission;
  const heading = h('h3', { class: 'section-title' }, t('readmission.heading'));
  if (!standing) {
    section.append(heading, h('p', { class: 'muted' }, entity.readmissionError
      ? t('readmission.failed', { error: entity.readmissionError })
      : t('detail.loading')));
    return;
  }

  section.dataset.alerted = String(Boolean(standing.alerted));
  if (standing.rate == null) {
    section.append(heading, h('p', { class: 'muted' }, t('readmission.pending')));
    return;
  }

  const figure = (key, label, value, note) =>
    h('div', { class: 'kpi', dataset: { figure: key } },
      h('div', { class: 'kpi-label' }, label),
      h('div', { class: 'kpi-value num' }, value),
      note ? h('div', { class: 'kpi-note' }, note) : null);
  section.append(
    heading,
    h('div', { class: 'readmission' },
      figure('rate', t('readmission.rate', { days: standing.windowDays }), percent(standing.rate, 2),
        t('readmission.pairs', { pairs: count(standing.suspectPairs), discharges: count(standing.discharges) })),
      figure('peerMedian', t('readmission.peerMedian'),
        standing.peerMedian == null ? '—' : percent(standing.peerMedian, 2),
        standing.peerMedian == null ? t('readmission.noPeers') : t('readmission.peers', { peers: standing.peers }))),
    h('p', { class: standing.alerted ? 'readmission-state alerted' : 'readmission-state' },
      standing.alerted
        ? t('readmission.alerted', { threshold: percent(standing.threshold, 2) })
        // The screen states its settlement time once (the overview, or the fund's own figures): no second date here.
        : standing.threshold == null ? t('readmission.noLine')
          : t('readmission.withinLine', { threshold: percent(standing.threshold, 2) })));
}
