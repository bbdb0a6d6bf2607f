// The board's figures over the API: the funds' snapshots a few at a time, a hospital's standings beside its peers
// (readmission rate, share of short cheap stays, PEPPER percentiles) and the DRG indicators of the selected fund. Each answer is written
// into its entity and reported; a 401 ends the session once (api.js), anything else is kept as the entity's error.
import { getJson } from './api.js';

const fetchConcurrency = 6;

/** A hospital's standings, by the entity field each is kept in: the path it is read from. */
const standings = {
  readmission: (id) => `api/readmission/hospital/${id}`,
  lowThreshold: (id) => `api/low-threshold/hospital/${id}`,
  percentiles: (id) => `api/casemix/hospital/${id}/percentiles`,
};

export class FundFigures {
  /**
   * token: the session's; alive(): whether the board that asked is still the one signed in; changed(entity): an
   * entity's figures moved; snapshot(doc): a fund's snapshot was read.
   */
  constructor({ token, alive, changed, snapshot }) {
    Object.assign(this, { token, alive, changed, snapshot });
  }

  /** Reads the snapshots of the entities this caller may read, a few at a time; then(entity) after each. */
  async snapshots(entities, then = () => {}) {
    const queue = entities.filter((entity) => entity.readable);
    const worker = async () => {
      for (let entity = queue.shift(); entity && this.alive(); entity = queue.shift()) {
        try {
          const doc = await getJson(this.token, `api/funds/${entity.level}/${encodeURIComponent(entity.id)}`);
          if (!this.alive()) return;
          this.snapshot(doc);
          then(entity);
        } catch (error) {
          if (!this.alive() || error.status === 401) return;
          entity.error = error.message;
          this.changed(entity);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(fetchConcurrency, queue.length) }, worker));
  }

  /** Every standing of a hospital (other levels have none), each into its field with its error beside it. */
  async hospitalStandings(entity) {
    if (!entity || entity.level !== 'hospital' || !entity.readable) return;
    await Promise.all(Object.entries(standings).map(([field, path]) =>
      this.read(entity, field, () => getJson(this.token, path(encodeURIComponent(entity.id))))));
  }

  /** The DRG indicators of the entity, and for a county its hospitals ranked by one of them. */
  async caseMix(entity, sort = entity?.caseMixSort ?? 'cmi') {
    if (!entity || !entity.readable) return;
    entity.caseMixSort = sort;
    await this.read(entity, 'caseMix', async () => {
      const id = encodeURIComponent(entity.id);
      const [report, ranking] = await Promise.all([
        getJson(this.token, `api/casemix/${entity.level}/${id}`),
        entity.level === 'county' ? getJson(this.token, 'api/casemix/ranking', { countyId: entity.id, sort }) : null,
      ]);
      entity.caseMixRanking = ranking;
      return report;
    });
  }

  /** Everything the selected fund shows beside its snapshot. */
  async selected(entity) {
    await Promise.all([this.hospitalStandings(entity), this.caseMix(entity)]);
  }

  async read(entity, field, load) {
    try {
      const value = await load();
      if (!this.alive()) return;
      entity[field] = value;
      entity[`${field}Error`] = null;
    } catch (error) {
      if (!this.alive() || error.status === 401) return;
      entity[`${field}Error`] = error.message;
    }

    this.changed(entity);
  }
}
