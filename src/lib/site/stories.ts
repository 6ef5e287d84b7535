import { nameInSentence } from '../format/names.ts';
import { datesInText, formatCount, formatDate, formatPercent } from '../format/vi.ts';
import { REVIEW_STATUSES } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import { awardView, type AwardView } from './awards.ts';
import { householdsText, latestYear } from './common.ts';
import { absoluteUrl, storyPath, type UnitPaths } from './paths.ts';
import type { Link } from './units.ts';

// The facts box of a story: pulled from the data, never retyped by the writer, so the press can
// quote it; with a citation line, photo credits and the press contact.

export interface StoryView {
  slug: string;
  path: string;
  title: string;
  summary: string;
  date: string;
  author: string;
  unit: Link & { nameInSentence: string };
  /** The review year whose figures the story shows: that of its date, or the latest before it. */
  figuresYear: number | null;
  /** The latest review year, on the unit's page, when the story shows older figures. */
  latestYear: number | null;
  facts: { label: string; value: string }[];
  award: AwardView | null;
  photos: { src: string; alt: string; credit: string }[];
  citation: string;
  pressContact: string;
}

export function storyView(site: SiteData, paths: UnitPaths, slug: string): StoryView {
  const s = site.stories.find((x) => x.slug === slug);
  if (!s) throw new Error(`storyView: unknown story ${slug}`);
  const unit = site.index.byId.get(s.ma_don_vi);
  if (!unit) throw new Error(`storyView: unknown unit ${s.ma_don_vi} (checked at ingest)`);
  const base = site.settings.nam_goc;
  // A story tells the figures of its own date: the review of the year it was written, or the latest before it.
  const storyYear = Math.min(Number(s.ngay.slice(0, 4)), latestYear(site));
  const year = [...site.years].reverse().find((y) => y <= storyYear && site.figures(unit.ma_don_vi, y)) ?? null;
  const facts: StoryView['facts'] = [];
  for (const y of year === null ? [] : year === base ? [base] : [base, year]) {
    const f = site.figures(unit.ma_don_vi, y);
    if (!f || f.thieu.length > 0) continue;
    facts.push({
      label: `${unit.ten_don_vi}, năm ${y} (${REVIEW_STATUSES[f.trang_thai].toLowerCase()})`,
      value: `${formatCount(f.tong_so_ho)} hộ; ${householdsText(f.so_ho_ngheo, 'hộ nghèo')}, ${householdsText(f.so_ho_can_ngheo, 'hộ cận nghèo')}; tỷ lệ nghèo đa chiều ${formatPercent((100 * (f.so_ho_ngheo + f.so_ho_can_ngheo)) / f.tong_so_ho)}`,
    });
  }
  const verdict = site
    .verdictsOf(unit.ma_don_vi)
    .find(
      (v) => v.nam === year && v.ket_qua !== 'khong_ap_dung' && ['TC_THON', 'TC_XA_2', 'TC_XA_1'].includes(v.tieu_chi),
    );
  if (verdict) facts.push({ label: `${verdict.ten_tieu_chi}, năm ${year}`, value: datesInText(verdict.giai_thich) });
  const award = s.ma_khen_thuong ? site.awards.find((a) => a.ma_khen_thuong === s.ma_khen_thuong) : undefined;
  const path = storyPath(slug);
  return {
    slug,
    path,
    title: s.tieu_de,
    summary: s.tom_tat,
    date: formatDate(s.ngay),
    author: s.tac_gia,
    unit: {
      name: unit.ten_don_vi,
      nameInSentence: nameInSentence(unit.ten_don_vi),
      path: paths.of(unit.ma_don_vi) ?? '/',
    },
    figuresYear: year,
    latestYear: year !== null && year < latestYear(site) ? latestYear(site) : null,
    facts,
    award: award ? awardView(site, paths, award) : null,
    photos: s.anh.map((p) => ({
      src: `/dien-hinh/anh/${p.tep}`,
      alt: p.mo_ta,
      credit: `Ảnh: ${p.tac_gia}. Người trong ảnh đã đồng ý cho đăng.`,
    })),
    citation: `${s.tac_gia}, "${s.tieu_de}", Chung tay – ${site.settings.ten_phong_trao}, ${formatDate(s.ngay)}, ${absoluteUrl(site.settings.dia_chi_trang, path)}`,
    pressContact: site.settings.lien_he_bao_chi,
  };
}
