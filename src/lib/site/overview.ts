import { reviewYears } from '../domain/criteria.ts';
import { formatCount } from '../format/vi.ts';
import type { CriterionId } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import type { AwardView } from './awards.ts';
import { answerFirst, criteriaFor, trendCharts, type Answer, type ChartView, type CriterionView } from './common.ts';
import { mapView, RATE_INDICATOR, type MapView } from './maps.ts';
import { storyPath, type UnitPaths } from './paths.ts';
import type { Link } from './units.ts';

// The overview: the district's targets and where they stand, the map, the trends, how many units
// meet each criterion, and the latest honour-roll entries and stories.

export interface CountRow {
  id: CriterionId;
  name: string;
  cells: { year: number; text: string; met: number; applicable: number }[];
}

export interface OverviewView {
  /** The district's targets for the latest round, in words: shown first. */
  answer: Answer;
  targets: CriterionView[];
  charts: ChartView[];
  map: MapView;
  counts: { years: number[]; rows: CountRow[] };
  awards: AwardView[];
  stories: (Link & { summary: string })[];
}

const UNIT_CRITERIA: CriterionId[] = ['TC_XA_1', 'TC_XA_2', 'TC_CAN_BO', 'TC_THON'];

export function overview(site: SiteData, paths: UnitPaths, awardViews: readonly AwardView[]): OverviewView {
  const district = site.index.district;
  const years = reviewYears(site.settings);
  // One pass over the verdicts: applicable, met and lacking data per criterion and year.
  const tally = new Map<string, { applicable: number; met: number; unknown: number }>();
  for (const v of site.verdicts) {
    if (v.ket_qua === 'khong_ap_dung') continue;
    const key = `${v.tieu_chi}|${v.nam}`;
    const t = tally.get(key) ?? { applicable: 0, met: 0, unknown: 0 };
    t.applicable++;
    if (v.ket_qua === 'dat') t.met++;
    if (v.ket_qua === 'chua_du_du_lieu') t.unknown++;
    tally.set(key, t);
  }
  const rows = UNIT_CRITERIA.map((id) => {
    // Every count says what it counts: the officials' criterion is counted by the commune they are in charge of.
    const kind = id === 'TC_THON' ? 'thôn' : 'xã';
    return {
      id,
      name: site.criteria.find((c) => c.ma_tieu_chi === id)?.ten_tieu_chi ?? id,
      cells: years.map((year) => {
        const { applicable, met, unknown } = tally.get(`${id}|${year}`) ?? { applicable: 0, met: 0, unknown: 0 };
        return {
          year,
          met,
          applicable,
          text: `${formatCount(met)}/${formatCount(applicable)} ${kind} đạt${unknown ? `; ${formatCount(unknown)} ${kind} chưa đủ dữ liệu` : ''}`,
        };
      }),
    };
  });
  const targets = criteriaFor(site, district.ma_don_vi);
  return {
    answer: answerFirst(site, district.ma_don_vi, targets),
    targets,
    charts: trendCharts(site, district.ma_don_vi, site.settings.ten_dia_phuong),
    map: mapView(site, paths, site.index.movementCommunes, RATE_INDICATOR, 'xã, thị trấn'),
    counts: { years, rows },
    awards: [...awardViews].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)).slice(0, 5),
    stories: site.stories.map((s) => ({ name: s.tieu_de, path: storyPath(s.slug), summary: s.tom_tat })),
  };
}
