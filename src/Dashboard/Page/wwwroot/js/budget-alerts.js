// Budget alerts as living records: where each alert stands (open, acknowledged, withdrawn, resolved), who acknowledged
// it and when, the fund's figures now beside those the alert was raised on ("worsened since raised"), and the
// acknowledge action for the roles the server lets do it (it decides again on every request).
import { h } from './dom.js';
import { t } from './i18n.js';
import { dateTime, percent } from './format.js';
import { ApiError, postJson } from './api.js';

const budgetKinds = new Set(['budget-pace', 'budget-exhausted']);
const acknowledgingRoles = new Set(['regulator', 'inspector', 'hospital']);

/** A chip with the alert's status; an acknowledged one says by whom and when. */
export function statusView(alert, { withAcknowledgement = true } = {}) {
  const status = alert.status ?? 'open';
  const ack = withAcknowledgement ? alert.acknowledged : null;
  return h('span', { class: 'alert-status', dataset: { status } },
    h('span', { class: 'status-chip', dataset: { status } }, t(`status.${status}`)),
    ack ? h('span', { class: 'ack-by' }, t('ack.byAt', { by: ack.by, at: dateTime(ack.at) })) : null);
}

/**
 * The fund now against the alert's raise-time figures. `now` is the fund's latest snapshot as the page has it (pushed
 * live), or the `current` figures the API attached to the alert; null for kinds that are not about a budget.
 */
export function figuresNow(alert, now) {
  if (!budgetKinds.has(alert.kind)) return null;
  const raised = alert.evidence ?? {};
  const current = now ?? alert.current;
  if (typeof raised.usedShare !== 'number') return null;
  const raisedGap = gapOf(raised.usedShare, raised.timeShare);
  const parts = [h('span', { class: 'raised-figures' },
    t('figures.raised', { used: percent(raised.usedShare), time: percent(raised.timeShare), gap: signed(raisedGap) }))];
  if (current && typeof current.usedShare === 'number') {
    const gap = gapOf(current.usedShare, current.timeShare);
    const worse = gap - raisedGap >= 1;
    parts.push(' → ', h('span', { class: 'current-figures', dataset: { trend: worse ? 'worse' : gap < raisedGap - 1 ? 'better' : 'same' } },
      t('figures.now', { used: percent(current.usedShare), time: percent(current.timeShare), gap: signed(gap) })));
    if (worse) parts.push(' ', h('span', { class: 'worsened' }, t('figures.worsened', { points: signed(gap - raisedGap) })));
  }

  return h('div', { class: 'alert-figures' }, parts);
}

/** The acknowledge form of the evidence dialog, or where the acknowledgement stands. */
export function acknowledgeView(alert, who, acknowledge) {
  const ack = alert.acknowledged;
  if (ack) {
    return h('div', { class: 'ack-done' },
      h('p', {}, t('ack.byAt', { by: ack.by, at: dateTime(ack.at) })),
      ack.note ? h('p', { class: 'ack-note' }, t('ack.note', { note: ack.note })) : null);
  }

  if (!acknowledgingRoles.has(who?.role) || alert.status === 'withdrawn') {
    return h('p', { class: 'muted' }, t('ack.notYet'));
  }

  const note = h('input', { type: 'text', class: 'ack-input', maxlength: '500', placeholder: t('ack.notePlaceholder'), 'aria-label': t('ack.noteLabel') });
  const error = h('p', { class: 'ack-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'button', class: 'ack-button' }, t('ack.button'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    error.hidden = true;
    try {
      await acknowledge(alert.alertId, note.value.trim());
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 409 ? t('ack.already') : t('ack.failed', { error: e.message });
      error.hidden = false;
      button.disabled = false;
    }
  });
  return h('div', { class: 'ack-form' }, note, button, error);
}

/** POST /api/alerts/{id}/acknowledge; returns the alert as it now reads. */
export async function postAcknowledge(token, alertId, note) {
  return postJson(token, `api/alerts/${encodeURIComponent(alertId)}/acknowledge`, note ? { note } : {});
}

function gapOf(used, time) {
  return (Number(used) - Number(time ?? 0)) * 100;
}

function signed(points) {
  return `${points >= 0 ? '+' : ''}${points.toFixed(1)}`;
}
