// One patient's stays on one timeline: each stay a bar from admission to discharge, so a split pair shows the
// discharge, the days between and the readmission at a glance. Plain DOM, sized in percent, printable.
import { h } from './dom.js';
import { t } from './i18n.js';

const dayMs = 86_400_000;

export function stayTimeline(claims) {
  const stays = claims.filter((c) => c.admissionDate && c.dischargeDate)
    .map((c) => ({ claim: c, from: Date.parse(c.admissionDate), to: Date.parse(c.dischargeDate) }))
    .sort((a, b) => a.from - b.from);
  if (stays.length === 0) return null;

  const start = stays[0].from - dayMs;
  const end = Math.max(...stays.map((s) => s.to)) + 2 * dayMs;
  const at = (ms) => `${((ms - start) / (end - start)) * 100}%`;
  const width = (from, to) => `${(Math.max(to - from, dayMs / 2) / (end - start)) * 100}%`;
  const gaps = stays.slice(1).map((stay, i) => ({ from: stays[i].to, to: stay.from, days: Math.round((stay.from - stays[i].to) / dayMs) }))
    .filter((gap) => gap.to >= gap.from);

  // The days between sit on a row of their own under the stays they separate, so the marker never covers a bar (a
  // same-day readmission has a gap of no width); each stay's dates go beside its label, never cut inside a short bar.
  return h('div', { class: 'stay-timeline', role: 'img', 'aria-label': t('cases.timeline') },
    stays.map((stay, i) => [
      i > 0 && gaps[i - 1] ? h('div', { class: 'stay-gap-row' },
        h('span', { class: 'stay-label' }),
        h('div', { class: 'stay-gap-track' },
          h('div', { class: 'stay-gap', style: { left: at(gaps[i - 1].from), width: width(gaps[i - 1].from, gaps[i - 1].to) } }),
          h('span', { class: 'stay-gap-text', style: { left: at(gaps[i - 1].from) } }, t('cases.gapDays', { days: gaps[i - 1].days })))) : null,
      h('div', { class: 'stay-row', dataset: { patient: stay.claim.patientId ?? stay.claim.claimId } },
        h('span', { class: 'stay-label' }, t('cases.stayN', { n: i + 1 }),
          h('span', { class: 'stay-dates' }, `${stay.claim.admissionDate.slice(5)} → ${stay.claim.dischargeDate.slice(5)}`)),
        h('div', { class: 'stay-track' },
          h('div', {
            class: stay.claim.reversedBy ? 'stay-bar reversed' : 'stay-bar',
            style: { left: at(stay.from), width: width(stay.from, stay.to) },
            title: `${stay.claim.claimId} ${stay.claim.admissionDate} → ${stay.claim.dischargeDate}`,
          })))]));
}
