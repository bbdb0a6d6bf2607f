// The fund hierarchy (州/市 → 县级统筹基金 → 医共体 → 定点医疗机构) from GET /api/registry, which the server has
// already cut down to the caller's scope, and one row per fund account with its pace gauge.
import { h, clear } from './dom.js';
import { t, term } from './i18n.js';
import { moneyWan, percent } from './format.js';

export const keyOf = (level, id) => `${level}:${id}`;

/**
 * The registry as the page uses it: regions with their counties, each county with its alliances (and their
 * member hospitals) and the hospitals outside every alliance; plus every fund account by key.
 * canRead(level) says whether this caller may read that level's fund (a hospital sees only its own).
 */
export function buildModel(registry, canRead) {
  const entities = new Map();
  const add = (entity) => {
    entity.key = keyOf(entity.level, entity.id);
    entity.readable = canRead(entity.level);
    entity.snapshot = null;
    entity.error = null;
    entities.set(entity.key, entity);
    return entity;
  };

  const regions = (registry.regions ?? []).map((region) => ({
    regionId: region.regionId,
    name: region.name,
    counties: (region.counties ?? []).map((county) => {
      const countyEntity = add({
        level: 'county',
        id: county.countyId,
        name: county.name,
        countyId: county.countyId,
        regionId: region.regionId,
        budget: county.annualBudget,
        monthlyProfile: Array.isArray(county.monthlyProfile) && county.monthlyProfile.length === 12 ? county.monthlyProfile.map(Number) : null,
        alliances: [],
        outside: [],
      });
      const alliances = new Map();
      for (const alliance of county.alliances ?? []) {
        const allianceEntity = add({
          level: 'alliance',
          id: alliance.allianceId,
          name: alliance.name,
          countyId: county.countyId,
          regionId: region.regionId,
          allianceType: alliance.type,
          budget: alliance.annualBudget,
          hospitals: [],
        });
        alliances.set(alliance.allianceId, allianceEntity);
        countyEntity.alliances.push(allianceEntity);
      }

      for (const hospital of county.hospitals ?? []) {
        const alliance = hospital.allianceId ? alliances.get(hospital.allianceId) : null;
        const hospitalEntity = add({
          level: 'hospital',
          id: hospital.hospitalId,
          name: hospital.name,
          countyId: county.countyId,
          regionId: region.regionId,
          allianceId: hospital.allianceId ?? null,
          allianceType: alliance?.allianceType ?? null,
          hospitalLevel: hospital.level,
          budget: hospital.annualBudget ?? null,
        });
        (alliance ? alliance.hospitals : countyEntity.outside).push(hospitalEntity);
      }

      return countyEntity;
    }),
  }));

  return { fundYear: registry.fundYear, regions, entities };
}

/** The county entity of any account, for its monthly profile and its name. */
export function countyOf(model, entity) {
  return model.entities.get(keyOf('county', entity.countyId));
}

/**
 * Draws the whole tree; returns a function that redraws one account's row in place. order(entities) sorts siblings
 * (the overview's risk order; registry order without it); shown(entity) leaves out rows a filter hides.
 */
export function renderHierarchy(container, model, { selectedKey, onSelect, order = (list) => list, shown = () => true }) {
  clear(container);
  const rows = new Map();

  const row = (entity) => {
    const el = entityRow(entity, entity.key === selectedKey(), onSelect);
    rows.set(entity.key, el);
    return el;
  };

  if (model.regions.length === 0) {
    container.append(h('p', { class: 'empty' }, t('hierarchy.empty')));
  }

  for (const region of model.regions) {
    const counties = h('ul', { class: 'tree' });
    for (const county of order(region.counties).filter(shown)) {
      const below = h('ul', { class: 'tree' });
      for (const alliance of order(county.alliances).filter(shown)) {
        below.append(h('li', {}, row(alliance), h('ul', { class: 'tree' }, order(alliance.hospitals).filter(shown).map((hospital) => h('li', {}, row(hospital))))));
      }

      const outside = order(county.outside).filter(shown);
      if (outside.length > 0) {
        below.append(h('li', {}, h('div', { class: 'group-label' }, t('hierarchy.outside')),
          h('ul', { class: 'tree' }, outside.map((hospital) => h('li', {}, row(hospital))))));
      }

      counties.append(h('li', {}, row(county), below));
    }

    container.append(h('section', { class: 'region', dataset: { regionId: region.regionId } },
      h('h3', { class: 'region-name' }, `${region.name} `, h('span', { class: 'entity-tag' }, region.regionId)),
      counties));
  }

  return (entity) => {
    const old = rows.get(entity.key);
    if (old) {
      const fresh = entityRow(entity, entity.key === selectedKey(), onSelect);
      old.replaceWith(fresh);
      rows.set(entity.key, fresh);
    }
  };
}

function entityRow(entity, selected, onSelect) {
  const tag = entity.level === 'hospital'
    ? `${entity.id} · ${term('hospitalLevel', entity.hospitalLevel)}`
    : entity.level === 'alliance'
      ? t('allianceTag', { type: term('alliance', entity.allianceType) })
      : `${term('level', 'county')} ${entity.id}`;

  if (!entity.readable) {
    // A parent the caller may not read (a hospital's county and alliance): named for orientation, no figures.
    return h('div', { class: 'entity', dataset: { level: entity.level, id: entity.id, readable: 'false' } },
      h('div', { class: 'entity-line' }, h('span', { class: 'entity-title' }, h('span', { class: 'entity-name' }, entity.name), h('span', { class: 'entity-tag' }, tag))),
      h('div', { class: 'entity-figures' }, h('span', {}, t('hierarchy.hidden'))));
  }

  const snapshot = entity.snapshot;
  const pace = paceOf(entity);
  return h('button', {
    type: 'button',
    class: 'entity',
    'aria-pressed': String(selected),
    dataset: { level: entity.level, id: entity.id, key: entity.key },
    onclick: () => onSelect(entity.key),
  },
  h('div', { class: 'entity-line' },
    h('span', { class: 'entity-title' }, h('span', { class: 'entity-name' }, entity.name), h('span', { class: 'entity-tag' }, tag)),
    h('span', { class: 'pace-badge', dataset: { pace } }, term('pace', pace))),
  gauge(snapshot),
  h('div', { class: 'entity-figures num' },
    h('span', {}, snapshot?.usedShare != null
      ? t('gauge.line', { used: percent(snapshot.usedShare), time: percent(snapshot.timeShare) })
      : snapshot && snapshot.annualBudget == null ? t('gauge.noBudget') : ''),
    h('span', {}, snapshot ? t('gauge.paidOf', { paid: moneyWan(snapshot.fundPaid), budget: moneyWan(snapshot.annualBudget ?? entity.budget) }) : '')));
}

/**
 * none / notice / warning / critical from the snapshot; pending before its first settlement day is judged;
 * unknown without a budget; loading before the first snapshot.
 */
export function paceOf(entity) {
  return paceOfSnapshot(entity.snapshot, entity.error);
}

function paceOfSnapshot(snapshot, error = null) {
  if (!snapshot) return error ? 'unknown' : 'loading';
  if (snapshot.annualBudget == null) return 'unknown';
  if (snapshot.usedShare == null) return 'pending';
  return snapshot.paceLevel ?? 'none';
}

/** The used-share bar with a mark at the time share; coloured by pace level. */
export function gauge(snapshot, big = false) {
  const used = snapshot?.usedShare != null ? Number(snapshot.usedShare) : null;
  const time = snapshot?.timeShare != null ? Number(snapshot.timeShare) : null;
  const usedShareOfBudget = used ?? (snapshot?.annualBudget ? Number(snapshot.fundPaid) / Number(snapshot.annualBudget) : null);
  const pace = paceOfSnapshot(snapshot);
  const el = h('div', {
    class: big ? 'gauge big' : 'gauge',
    role: 'meter',
    'aria-valuemin': '0',
    'aria-valuemax': '100',
    'aria-valuenow': usedShareOfBudget != null ? (usedShareOfBudget * 100).toFixed(1) : null,
    'aria-label': usedShareOfBudget != null ? t('gauge.line', { used: percent(usedShareOfBudget), time: percent(time) }) : t('gauge.noBudget'),
    dataset: {
      pace,
      state: usedShareOfBudget == null ? 'none' : 'some',
      usedShare: usedShareOfBudget != null ? usedShareOfBudget.toFixed(4) : '',
      timeShare: time != null ? time.toFixed(4) : '',
      over: usedShareOfBudget != null && usedShareOfBudget > 1 ? 'true' : null,
    },
  });
  if (usedShareOfBudget != null) {
    el.append(h('div', { class: 'fill', style: { width: `${Math.min(1, Math.max(0, usedShareOfBudget)) * 100}%` } }));
  }

  if (time != null) {
    el.append(h('div', { class: 'time-mark', style: { left: `${Math.min(1, Math.max(0, time)) * 100}%` } }));
  }

  return el;
}
