// One inspection case as its reader may see it: the finding, the money, the claims, the evidence, the history, and a
// form for exactly the moves the server says this reader may make. A split pair is a patient's stays: each patient's
// go on a timeline of their own and side by side. A pattern finding (upcoding, low-threshold admission) rests on many patients' claims: they
// go in a table, and its figures in a chart. Printable as the case sheet for the file.
import { h, clear, kpi } from './dom.js';
import { t, term, lang } from './i18n.js';
import { moneyExact, dateTime } from './format.js';
import { stayTimeline } from './cases-timeline.js';
import { figuresTable, recordTables } from './evidence.js';
import { patternChart } from './cases-chart.js';

/** Kinds whose case is one patient's stays; every other kind is a pattern over many claims. */
const staysKinds = new Set(['split-hospitalization']);

/** The fields each move asks for; the server checks them again and says precisely what is wrong. */
const fieldsOf = {
  take: [],
  assign: ['assignee', 'note'],
  'ask-hospital': ['note'],
  answer: ['note', 'documents'],
  review: ['note'],
  confirm: ['amount', 'note'],
  dismiss: ['note'],
  appeal: ['note', 'documents'],
  'decide-appeal': ['outcome', 'note'],
  note: ['note'],
};

/** Rows of the side-by-side claims table: label key and how to show a claim's value. */
const claimRows = [
  ['cases.claim.claimId', (c) => c.claimId],
  ['cases.claim.hospital', (c) => (c.hospitalName ? `${c.hospitalName} (${c.hospitalId})` : c.hospitalId)],
  ['cases.claim.patient', (c) => c.patientId ?? '—'],
  ['cases.claim.admission', (c) => c.admissionDate ?? '—'],
  ['cases.claim.discharge', (c) => c.dischargeDate ?? '—'],
  ['cases.claim.disposition', (c) => (c.dischargeDisposition ? term('disposition', c.dischargeDisposition) : '—')],
  ['cases.claim.department', (c) => c.department ?? '—'],
  ['cases.claim.diagnosis', (c) => [c.principalDiagnosis, ...(c.secondaryDiagnoses ?? [])].filter(Boolean).join(', ') || '—'],
  ['cases.claim.procedures', (c) => (c.procedures ?? []).join(', ') || '—'],
  ['cases.claim.drg', (c) => (c.drgCode ? `${c.drgCode}${c.drgWeight != null ? ` (RW ${c.drgWeight})` : ''}` : '—')],
  ['cases.claim.totalCost', (c) => moneyExact(c.totalCost)],
  ['cases.claim.fundPaid', (c) => moneyExact(c.fundPaid)],
  ['cases.claim.settledAt', (c) => dateTime(c.settledAt)],
  ['cases.claim.reversedBy', (c) => c.reversedBy ?? '—'],
];

export function renderCase(root, doc, { onAct, onBack, onPrint, error }) {
  const summary = doc.summary ?? {};
  // One language on the sheet: the reader's (the other only when the server has no text in it).
  const text = lang() === 'en' ? summary.en || summary.zh : summary.zh || summary.en;
  const claims = doc.claims ?? [];
  const stays = staysKinds.has(doc.kind);
  clear(root).append(h('article', { class: 'case-sheet', dataset: { caseId: doc.caseId, status: doc.status } },
    h('div', { class: 'case-toolbar no-print' },
      h('button', { type: 'button', class: 'link-button', onclick: onBack }, t('cases.back')),
      h('button', { type: 'button', class: 'link-button', onclick: onPrint }, t('cases.print'))),
    h('header', { class: 'case-head' },
      h('h2', {}, t('cases.sheetTitle'), ' ', h('span', { class: 'case-id' }, t('cases.number', { id: doc.caseId }))),
      h('div', { class: 'case-badges' },
        h('span', { class: 'case-status', dataset: { status: doc.status } }, term('caseStatus', doc.status)),
        h('span', { class: 'severity', dataset: { severity: doc.severity } }, term('severity', doc.severity)),
        h('span', { class: 'alert-kind' }, term('kind', doc.kind)),
        doc.overdue ? h('span', { class: 'overdue' }, t('cases.overdue')) : null)),
    h('div', { class: 'kpis case-kpis' },
      kpi(null, t('cases.hospital'), doc.hospitalName ? `${doc.hospitalName}（${doc.hospitalId}）` : doc.hospitalId),
      kpi('amountAtStake', t('cases.amountAtStake'), moneyExact(doc.amountAtStake)),
      kpi(Number(doc.recovered) > 0 ? 'recovered' : 'nothingRecovered', t('cases.recovered'), moneyExact(doc.recovered)),
      doc.owner !== null && doc.owner !== undefined ? kpi(null, t('cases.owner'), doc.owner || t('cases.unowned')) : null,
      kpi(null, t('cases.openedAt'), dateTime(doc.openedAt)),
      kpi(null, t('cases.dueAt'), dateTime(doc.dueAt)),
      doc.answerDueAt ? kpi(null, t('cases.answerDueAt'), dateTime(doc.answerDueAt)) : null),
    h('p', { class: 'case-summary', lang: lang() === 'en' ? 'en' : 'zh-CN' }, text ?? ''),
    decisionBlock(doc),
    actionsBlock(doc, onAct, error),
    itemsBlock(doc.items),
    // A pair: its stays on one timeline, then side by side. A pattern: its figures first, then its claims.
    stays ? null : patternChart(doc.kind, doc.alerts ?? []),
    stays ? staysBlock(claims) : [h('h3', { class: 'section-title' }, t('cases.claims', { count: claims.length })), claimsList(claims)],
    h('h3', { class: 'section-title' }, t('cases.evidence')),
    evidenceBlock(doc.alerts ?? [], stays),
    h('h3', { class: 'section-title' }, t('cases.history')),
    historyTable(doc.history ?? [])));
}

function decisionBlock(doc) {
  const decision = doc.decision;
  const appeal = doc.appeal;
  if (!decision && !appeal) return null;
  const rows = [];
  if (decision) {
    rows.push([t('cases.decision'), `${term('caseStatus', decision.outcome)} · ${dateTime(decision.at)}`]);
    if (decision.outcome === 'confirmed') rows.push([t('cases.recoveryAmount'), moneyExact(decision.recoveryAmount)]);
    if (decision.reason) rows.push([t('cases.reason'), decision.reason]);
  }

  if (appeal) {
    rows.push([t('cases.appeal'), `${dateTime(appeal.filedAt)} · ${appeal.reason}`]);
    if (appeal.outcome) rows.push([t('cases.appealOutcome'), `${term('appealOutcome', appeal.outcome)} · ${appeal.decisionReason ?? ''}`]);
  }

  return h('table', { class: 'figures case-decision' }, h('tbody', {}, rows.map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value)))));
}

function actionsBlock(doc, onAct, error) {
  const allowed = doc.allowedActions ?? [];
  if (allowed.length === 0) return h('p', { class: 'muted no-print case-no-actions' }, t('cases.noActions'));
  const form = h('form', { class: 'case-actions no-print', 'aria-label': t('cases.actions') });
  const fields = h('div', { class: 'case-fields' });
  const buttons = h('div', { class: 'case-action-buttons', role: 'group' });
  let chosen = null;

  const choose = (action) => {
    chosen = action;
    for (const button of buttons.children) button.setAttribute('aria-pressed', String(button.dataset.action === action));
    clear(fields).append(...fieldsOf[action].map((field) => fieldInput(field, action, doc)),
      h('button', { type: 'submit', class: 'primary', dataset: { submit: action } }, t('cases.submit', { action: term('caseAction', action) })));
    fields.querySelector('input, textarea, select')?.focus();
  };

  for (const action of allowed) {
    buttons.append(h('button', { type: 'button', dataset: { action }, 'aria-pressed': 'false', onclick: () => choose(action) }, term('caseAction', action)));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!chosen) return;
    const data = new FormData(form);
    const body = { action: chosen };
    const note = String(data.get('note') ?? '').trim();
    if (note) body.note = note;
    if (data.has('assignee')) body.assignee = String(data.get('assignee')).trim();
    if (data.has('amount')) body.amount = Number(data.get('amount'));
    if (data.has('outcome')) body.outcome = String(data.get('outcome'));
    if (data.has('documents')) body.documents = String(data.get('documents')).split(/[\n,，]/).map((d) => d.trim()).filter(Boolean);
    onAct(body);
  });

  form.append(...[h('h3', { class: 'section-title' }, t('cases.actions')), buttons, fields,
    error ? h('p', { class: 'error', role: 'alert' }, error) : null].filter(Boolean));
  // A single move is offered ready to fill in, unless it is only the internal note every decided case allows.
  if (allowed.length === 1 && allowed[0] !== 'note') choose(allowed[0]);
  return form;
}

function fieldInput(field, action, doc) {
  const label = (key, input) => h('label', { class: 'field' }, h('span', { class: 'field-label' }, t(key)), input);
  switch (field) {
    case 'assignee':
      return label('cases.field.assignee', h('input', { name: 'assignee', required: true, maxlength: 100, autocomplete: 'off' }));
    case 'amount':
      return label('cases.field.amount', h('input', {
        name: 'amount', type: 'number', step: '0.01', min: '0.01', max: String(doc.amountAtStake), required: true, inputmode: 'decimal',
      }));
    case 'outcome':
      return label('cases.field.outcome', h('select', { name: 'outcome', required: true },
        h('option', { value: 'uphold' }, term('appealOutcome', 'uphold')), h('option', { value: 'overturn' }, term('appealOutcome', 'overturn'))));
    case 'documents':
      return label('cases.field.documents', h('input', { name: 'documents', autocomplete: 'off', placeholder: t('cases.field.documentsHint') }));
    default:
      return label(`cases.field.note.${action}`, h('textarea', {
        name: 'note', rows: 3, maxlength: 4000, required: !['take', 'review', 'confirm', 'assign'].includes(action),
      }));
  }
}

/** A case's line items (each pair or example with its own disposition and amount), worded in the reader's language. */
function itemsBlock(items) {
  if (!Array.isArray(items) || items.length === 0) return null;
  const columns = ['claims', 'day', 'atStake', 'basis', 'disposition', 'amount', 'sampled'];
  const cell = (item, c) => {
    switch (c) {
      case 'claims': return (item.claimIds ?? []).join(' → ');
      case 'day': return item.day ?? '—';
      case 'atStake': return item.atStake != null ? moneyExact(item.atStake) : '—';
      case 'basis': return term('itemBasis', item.basis);
      case 'disposition': return term('itemDisposition', item.disposition);
      case 'amount': return item.amount != null ? moneyExact(item.amount) : '—';
      default: return item.sampled ? '✓' : '';
    }
  };
  return [h('h3', { class: 'section-title' }, t('cases.items', { count: items.length })),
    h('div', { class: 'table-scroll evidence-records', dataset: { figure: 'items' } },
      h('table', { class: 'figures record-table case-items' },
        h('caption', {}, t('cases.itemsCaption')),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, t(`cases.item.${c}`))))),
        h('tbody', {}, items.map((item) => h('tr', { dataset: { item: item.itemId } }, columns.map((c) =>
          h('td', { class: ['atStake', 'amount'].includes(c) ? 'num' : null }, cell(item, c))))))))];
}

/** The columns of a pattern finding's claims: one row a claim, many patients. */
const claimColumns = [
  ['cases.claim.claimId', (c) => c.claimId],
  ['cases.claim.patient', (c) => c.patientId ?? '—'],
  ['cases.claim.stay', (c) => (c.admissionDate ? `${c.admissionDate} → ${c.dischargeDate ?? '—'}` : '—')],
  ['cases.claim.department', (c) => c.department ?? '—'],
  ['cases.claim.diagnosis', (c) => c.principalDiagnosis ?? '—'],
  ['cases.claim.drg', (c) => (c.drgCode ? `${c.drgCode}${c.drgWeight != null ? ` (RW ${c.drgWeight})` : ''}` : '—')],
  ['cases.claim.totalCost', (c) => moneyExact(c.totalCost), 'num'],
  ['cases.claim.fundPaid', (c) => moneyExact(c.fundPaid), 'num'],
  ['cases.claim.settledAt', (c) => dateTime(c.settledAt).slice(0, 10)],
];

function claimsList(claims) {
  if (claims.length === 0) return h('p', { class: 'muted' }, t('cases.noClaims'));
  return h('div', { class: 'table-scroll' }, h('table', { class: 'figures record-table case-claims' },
    h('thead', {}, h('tr', {}, claimColumns.map(([key, , cls]) => h('th', { scope: 'col', class: cls }, t(key))))),
    h('tbody', {}, claims.map((c) => h('tr', { class: c.reversedBy ? 'reversed' : null, dataset: { claimId: c.claimId } },
      claimColumns.map(([, read, cls]) => h('td', { class: cls }, read(c))))))));
}

/**
 * A split case's stays, patient by patient: a case groups a hospital's pairs of a month, and each patient's stays are
 * a timeline and a side-by-side of their own (one timeline of every patient's stays would read as one patient
 * admitted eighteen times).
 */
function staysBlock(claims) {
  const byPatient = new Map();
  for (const claim of claims) {
    const patient = claim.patientId ?? claim.claimId;
    byPatient.set(patient, [...(byPatient.get(patient) ?? []), claim]);
  }

  const first = (stays) => Math.min(...stays.map((c) => Date.parse(c.admissionDate ?? c.settledAt) || Infinity));
  const patients = [...byPatient].sort(([, a], [, b]) => first(a) - first(b));
  const heading = patients.length > 1
    ? t('cases.staysOfPatients', { patients: patients.length, count: claims.length })
    : t('cases.stays', { count: claims.length });
  if (claims.length === 0) return [h('h3', { class: 'section-title' }, heading), h('p', { class: 'muted' }, t('cases.noClaims'))];
  return [h('h3', { class: 'section-title' }, heading),
    ...patients.map(([patient, stays]) => h('section', { class: 'patient-stays', dataset: { patient } },
      patients.length > 1 ? h('h4', {}, t('cases.patientStays', { patient, count: stays.length })) : null,
      stayTimeline(stays),
      claimsSideBySide(stays)))];
}

function claimsSideBySide(claims) {
  if (claims.length === 0) return h('p', { class: 'muted' }, t('cases.noClaims'));
  return h('div', { class: 'table-scroll' }, h('table', { class: 'figures claims-side-by-side' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), claims.map((c, i) => h('th', { scope: 'col' }, t('cases.stayN', { n: i + 1 }))))),
    h('tbody', {}, claimRows.map(([key, read]) => h('tr', {}, h('th', { scope: 'row' }, t(key)), claims.map((c) => h('td', {}, read(c))))))));
}

// The stays of a pair are on the sheet already: their copy inside the evidence is left out.
const staysInEvidence = new Set(['first', 'second']);

/** Each alert the case rests on, headed by what it found and when (its id is for the file, not the heading). */
function evidenceBlock(alerts, stays) {
  if (alerts.length === 0) return h('p', { class: 'muted' }, t('evidence.none'));
  const skip = stays ? staysInEvidence : new Set();
  return alerts.map((alert) => h('section', { class: 'case-evidence', dataset: { alertId: alert.alertId } },
    h('h4', {}, [term('kind', alert.kind), alert.transition ? term('transition', alert.transition) : null,
      t('cases.evidenceAsOf', { date: dateTime(alert.asOf).slice(0, 10) }), term('alertStatus', alert.status)].filter(Boolean).join(' · ')),
    figuresTable(alert.evidence ?? {}, skip),
    recordTables(alert.evidence ?? {}, skip),
    h('p', { class: 'muted small evidence-ref' }, t('cases.alertRef', { id: alert.alertId }))));
}

const cjk = /[\u4e00-\u9fff]/;

/**
 * A history note in the reader's language: a system line written "中文 / English" shows the reader's half, and a
 * sum written "¥71375.06" reads as money with separators. A person's note is shown as written.
 */
function readerNote(note) {
  if (!note) return note;
  // A reason the system records as a code (claim-reversed) reads as words.
  if (/^[a-z]+(-[a-z]+)*$/.test(note)) return term('caseNote', note);
  const parts = note.split(' / ');
  let text = note;
  if (parts.length === 2 && cjk.test(parts[0]) !== cjk.test(parts[1])) {
    const [zh, en] = cjk.test(parts[0]) ? parts : [parts[1], parts[0]];
    text = lang() === 'en' ? en : zh;
  }

  return text.replace(/¥(\d+(?:\.\d{1,2})?)/g, (_, amount) => moneyExact(Number(amount)));
}

function historyTable(history) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'figures case-history' },
    h('thead', {}, h('tr', {}, ['#', t('cases.h.at'), t('cases.h.who'), t('cases.h.what'), t('cases.h.status'), t('cases.h.why')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, history.map((e) => h('tr', { dataset: { action: e.action, internal: e.internal ? 'true' : null } },
      h('td', {}, e.seq),
      h('td', { class: 'nowrap' }, dateTime(e.at)),
      // A hospital is shown officials by role only (the server sends the role in place of the name).
      h('td', {}, e.actor === e.actorRole ? term('role', e.actorRole) : `${e.actor} · ${term('role', e.actorRole)}`),
      h('td', {}, term('caseAction', e.action), e.internal ? h('span', { class: 'internal-tag' }, t('cases.internal')) : null),
      h('td', { class: 'nowrap' }, e.fromStatus === e.toStatus ? term('caseStatus', e.toStatus) : `${term('caseStatus', e.fromStatus)} → ${term('caseStatus', e.toStatus)}`),
      h('td', {}, [readerNote(e.note), e.amount != null && e.action !== 'open' ? moneyExact(e.amount) : null, e.assignee ? `→ ${e.assignee}` : null,
        e.outcome ? term('appealOutcome', e.outcome) : null, (e.documents ?? []).length ? `${t('cases.documents')}: ${e.documents.join(', ')}` : null].filter(Boolean).join(' · ')))))));
}
