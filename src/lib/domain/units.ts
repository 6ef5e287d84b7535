import { matchKey } from '../ingest/text.ts';
import { COMMUNE_LEVELS, VILLAGE_LEVELS, type RegionRow, type UnitRow } from '../schemas/tables.ts';

// The unit tree. Villages are the stable atom: statistics are recorded per village, communes of
// the movement (children of the district) and today's communes (after 1/7/2025) are aggregates.

export interface UnitIndex {
  byId: ReadonlyMap<string, UnitRow>;
  district: UnitRow;
  /** Communes and the town as they existed during the movement, in file order. */
  movementCommunes: UnitRow[];
  /** Communes and wards formed on 1/7/2025 that former units became. */
  currentCommunes: UnitRow[];
  villagesOf(communeId: string): UnitRow[];
  /** Every village of the dataset, in file order. */
  villages: UnitRow[];
  /** The unit a village or commune became on 1/7/2025, if recorded. */
  successorOf(unitId: string): UnitRow | null;
  /** Former communes whose villages now belong to a current commune. */
  formerCommunesOf(currentId: string): UnitRow[];
  /** Villages now in a current commune. */
  villagesNowIn(currentId: string): UnitRow[];
  /** Resolve a name (official or any alias, any spelling) among units. */
  findByName(name: string): UnitRow[];
  regionIn(unitId: string, year: number): RegionRow | null;
  /** A unit's rows of the region table, in file order. */
  regionsOf(unitId: string): RegionRow[];
  /** Whether a unit is one of today's communes. */
  isCurrentCommune(unitId: string): boolean;
}

export const isCommuneLevel = (u: UnitRow): boolean => COMMUNE_LEVELS.includes(u.cap);
export const isVillageLevel = (u: UnitRow): boolean => VILLAGE_LEVELS.includes(u.cap);

/** Whether a unit existed at some time during a review year. */
export function existsIn(u: UnitRow, year: number): boolean {
  return (
    (u.hieu_luc_tu === null || Number(u.hieu_luc_tu.slice(0, 4)) <= year) &&
    (u.hieu_luc_den === null || Number(u.hieu_luc_den.slice(0, 4)) >= year)
  );
}

function push<T>(groups: Map<string, T[]>, key: string | undefined, item: T): void {
  if (key === undefined) return;
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}

/** Build the index; assumes the cross-file checks have passed (one district, parents exist). */
export function indexUnits(units: readonly UnitRow[], regions: readonly RegionRow[]): UnitIndex {
  const byId = new Map(units.map((u) => [u.ma_don_vi, u]));
  const district = units.find((u) => u.cap === 'huyen');
  if (!district) throw new Error('indexUnits: no district unit (checked before indexing)');
  const childrenOf = new Map<string, UnitRow[]>();
  for (const u of units) {
    if (u.ma_don_vi_cha === null) continue;
    const list = childrenOf.get(u.ma_don_vi_cha) ?? [];
    list.push(u);
    childrenOf.set(u.ma_don_vi_cha, list);
  }
  const movementCommunes = (childrenOf.get(district.ma_don_vi) ?? []).filter(isCommuneLevel);
  const villagesByParent = new Map<string, UnitRow[]>();
  for (const [id, children] of childrenOf) villagesByParent.set(id, children.filter(isVillageLevel));
  const villagesOf = (id: string) => villagesByParent.get(id) ?? [];
  const villages = units.filter(isVillageLevel);

  // Each unit's successor once: pages ask for it per unit, and a village's is its commune's.
  const successors = new Map<string, UnitRow | null>();
  const successorOf = (id: string): UnitRow | null => {
    const known = successors.get(id);
    if (known !== undefined) return known;
    const u = byId.get(id);
    let found: UnitRow | null = null;
    if (u && u.ma_don_vi_moi !== null) found = byId.get(u.ma_don_vi_moi) ?? null;
    else if (u && isVillageLevel(u) && u.ma_don_vi_cha !== null) found = successorOf(u.ma_don_vi_cha);
    successors.set(id, found);
    return found;
  };
  const formerCommunes = new Map<string, UnitRow[]>();
  for (const c of movementCommunes) push(formerCommunes, successorOf(c.ma_don_vi)?.ma_don_vi, c);
  const villagesNow = new Map<string, UnitRow[]>();
  for (const v of villages) push(villagesNow, successorOf(v.ma_don_vi)?.ma_don_vi, v);
  const successorIds = new Set(units.map((u) => successorOf(u.ma_don_vi)?.ma_don_vi).filter((id) => id !== undefined));
  const currentCommunes = units.filter((u) => isCommuneLevel(u) && successorIds.has(u.ma_don_vi));
  const currentIds = new Set(currentCommunes.map((u) => u.ma_don_vi));

  const byName = new Map<string, UnitRow[]>();
  for (const u of units) {
    for (const name of [u.ten_don_vi, ...(u.ten_khac ?? [])]) {
      const key = matchKey(name);
      const list = byName.get(key) ?? [];
      if (!list.includes(u)) list.push(u);
      byName.set(key, list);
    }
  }

  const regionsOf = new Map<string, RegionRow[]>();
  for (const r of regions) push(regionsOf, r.ma_don_vi, r);

  return {
    byId,
    district,
    movementCommunes,
    currentCommunes,
    villagesOf,
    villages,
    successorOf,
    formerCommunesOf: (id) => formerCommunes.get(id) ?? [],
    villagesNowIn: (id) => villagesNow.get(id) ?? [],
    findByName: (name) => byName.get(matchKey(name)) ?? [],
    regionsOf: (id) => regionsOf.get(id) ?? [],
    isCurrentCommune: (id) => currentIds.has(id),
    regionIn: (id, year) =>
      (regionsOf.get(id) ?? []).find((r) => r.tu_nam <= year && (r.den_nam === null || r.den_nam >= year)) ?? null,
  };
}
