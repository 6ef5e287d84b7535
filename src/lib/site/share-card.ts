import { VERDICT_RESULTS, type VerdictResult } from '../domain/criteria.ts';
import { isVillageLevel } from '../domain/units.ts';
import { formatDate } from '../format/vi.ts';
import type { SiteData } from '../snapshot.ts';
import type { AwardView } from './awards.ts';
import { figuresRows, latestYear } from './common.ts';
import { storyPath, type UnitPaths } from './paths.ts';
import { movementShortName, placeName } from './share.ts';

// The 1200×630 image a shared link shows: what the page says in one look — a unit's verdict, an
// entry's award, a story's title. Built only from public views (awards in their public form, units,
// stories that passed the privacy gate), so it can name no protected person.

export type CardTone = VerdictResult | 'vinh_danh' | 'bai_viet' | 'trang';

export interface ShareCard {
  /** Where the PNG is published, e.g. /anh-chia-se/xa/dao-san.png. */
  path: string;
  /** "Thôn, bản" / "Vinh danh" …: what kind of page it is. */
  kicker: string;
  title: string;
  subtitle: string;
  /**
   * The statement: a verdict ("Chưa đạt") on a criterion (`context`) with its reason, an award with its
   * achievement, a story's date and summary.
   */
  statement: { tone: CardTone; label: string; context: string; detail: string } | null;
  footer: string;
  /** The same content as text, for og:image:alt. */
  alt: string;
}

export const SHARE_IMAGE_FOLDER = '/anh-chia-se';

/**
 * A file of the built site (its path inside it, "anh-chia-se/xa/dao-san.png") that the build drew as a share image:
 * its text can only be in its chunks, never in its pixels, so the output scan reads it without them. A story's photo
 * comes from a person and is read whole.
 */
export const isDrawnShareImage = (sitePath: string): boolean =>
  sitePath.startsWith(`${SHARE_IMAGE_FOLDER.slice(1)}/`) && sitePath.endsWith('.png');
/** /xa/dao-san/ → /anh-chia-se/xa/dao-san.png; the overview → /anh-chia-se/trang-chu.png. */
export const shareImagePath = (pagePath: string): string =>
  `${SHARE_IMAGE_FOLDER}${pagePath.replace(/\/$/, '') || '/trang-chu'}.png`;

/** The longest statement drawn (characters); longer text keeps its first sentences, or is cut at a word. */
const DETAIL_MAX = 200;
function clip(text: string, max = DETAIL_MAX): string {
  if (text.length <= max) return text;
  // Whole sentences while they fit; else the first words.
  let kept = '';
  for (const sentence of text.match(/[^.!?]+[.!?]+(?:\s+|$)/g) ?? []) {
    if ((kept + sentence).trim().length > max) break;
    kept += sentence;
  }
  if (kept.trim()) return kept.trim();
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

function card(site: SiteData, path: string, fields: Omit<ShareCard, 'path' | 'footer' | 'alt'>): ShareCard {
  const s = site.settings;
  // No date: a card that says the same is the same image, so a new round redraws only what changed.
  const footer = `${movementShortName(s.ten_phong_trao)}${s.du_lieu_minh_hoa ? ' · Dữ liệu minh họa' : ''}`;
  const st = fields.statement;
  const said = st ? [st.context, st.label, st.detail].filter(Boolean).join('. ') : '';
  const alt = [`${fields.title}, ${fields.subtitle}`, said].filter(Boolean).join('. ');
  return { path: shareImagePath(path), footer, alt, ...fields };
}

/** The verdict of a unit's main criterion in the latest year: the village criterion, or the commune's. */
function mainVerdict(site: SiteData, unitId: string) {
  const year = latestYear(site);
  const own = site.verdictsOf(unitId).filter((v) => v.nam === year && v.ket_qua !== 'khong_ap_dung');
  return (
    own.find((v) => v.tieu_chi === 'TC_THON') ??
    own.find((v) => v.tieu_chi === 'TC_XA_2') ??
    own.find((v) => v.tieu_chi === 'TC_XA_1')
  );
}

/** "Chưa đạt: quy mô … giảm 23,3% …" → the reason alone, the verdict being drawn large beside it. */
const reasonOf = (explanation: string, label: string) =>
  explanation.startsWith(`${label}: `) ? explanation.slice(label.length + 2) : explanation;
const upperFirst = (s: string) => `${s.charAt(0).toLocaleUpperCase('vi')}${s.slice(1)}`;

/** A commune, village or today's commune: its verdict, or its latest figures where no criterion applies. */
export function unitCard(site: SiteData, paths: UnitPaths, unitId: string): ShareCard | null {
  const u = site.index.byId.get(unitId);
  const path = paths.of(unitId);
  if (!u || !path) return null;
  const s = site.settings;
  // Fewer images for a large locality (setting anh_chia_se): a village shares its commune's, or the site's.
  if (s.anh_chia_se === 'chung') return null;
  if (s.anh_chia_se === 'cap_xa' && isVillageLevel(u) && u.ma_don_vi_cha) return unitCard(site, paths, u.ma_don_vi_cha);
  const current = site.index.isCurrentCommune(unitId);
  const verdict = current ? undefined : mainVerdict(site, unitId);
  const latest = figuresRows(site, unitId).at(-1);
  const criterion = verdict && site.criteria.find((c) => c.ma_tieu_chi === verdict.tieu_chi);
  const label = verdict ? VERDICT_RESULTS[verdict.ket_qua] : null;
  const preliminary = verdict?.trang_thai_so_lieu === 'so_bo' ? ' (số liệu sơ bộ)' : '';
  const statement =
    verdict && label
      ? {
          tone: verdict.ket_qua,
          label,
          context: `Tiêu chí “${criterion?.ten_tieu_chi ?? verdict.tieu_chi}”, năm ${verdict.nam}${preliminary}`,
          detail: clip(upperFirst(reasonOf(verdict.giai_thich, label))),
        }
      : latest
        ? {
            tone: 'trang' as const,
            label: `Tỷ lệ nghèo đa chiều ${latest.multiRate}`,
            context: `Năm ${latest.year} (${latest.status.toLocaleLowerCase('vi')})`,
            detail: `${latest.poor} hộ nghèo, ${latest.nearPoor} hộ cận nghèo trên tổng số ${latest.total} hộ.`,
          }
        : null;
  return card(site, path, {
    kicker: current
      ? `Xã, phường từ năm ${u.hieu_luc_tu?.slice(0, 4) ?? ''}`.trim()
      : isVillageLevel(u)
        ? 'Thôn, bản, tổ dân phố'
        : 'Xã, thị trấn',
    title: current ? u.ten_don_vi : placeName(site, unitId),
    subtitle: upperFirst(current ? s.ten_tinh : `${s.ten_dia_phuong}, ${s.ten_tinh}`),
    statement,
  });
}

/** A published honour-roll entry (its public view: only entries that may be named have one). */
export function awardCard(site: SiteData, award: AwardView): ShareCard | null {
  if (site.settings.anh_chia_se === 'chung') return null;
  const where = award.unitName && award.unitId ? placeName(site, award.unitId) : site.settings.ten_dia_phuong;
  return card(site, award.path, {
    kicker: `Vinh danh · ${award.round}`,
    title: award.name,
    subtitle: upperFirst(where),
    statement: {
      tone: 'vinh_danh',
      label: award.form,
      context: `${award.decision} của ${award.issuer}`,
      detail: clip(award.achievement),
    },
  });
}

export function storyCard(site: SiteData, paths: UnitPaths, slug: string): ShareCard | null {
  const story = site.stories.find((s) => s.slug === slug);
  if (!story || site.settings.anh_chia_se === 'chung') return null;
  const unitPath = paths.of(story.ma_don_vi);
  return card(site, storyPath(slug), {
    kicker: 'Câu chuyện điển hình',
    title: clip(story.tieu_de, 120),
    subtitle: unitPath ? placeName(site, story.ma_don_vi) : site.settings.ten_dia_phuong,
    statement: { tone: 'bai_viet', label: formatDate(story.ngay), context: '', detail: clip(story.tom_tat) },
  });
}

/** The image of every other page: the movement itself. */
export function siteCard(site: SiteData): ShareCard {
  const s = site.settings;
  return card(site, '/', {
    kicker: `Phong trào thi đua ${s.nam_bat_dau}–${s.nam_ket_thuc}`,
    title: s.ten_phong_trao,
    subtitle: upperFirst(`${s.ten_dia_phuong}, ${s.ten_tinh}`),
    statement: null,
  });
}

/** Every share image the site publishes. */
export function allShareCards(site: SiteData, paths: UnitPaths, awards: readonly AwardView[]): ShareCard[] {
  const { index } = site;
  const villages = site.settings.anh_chia_se === 'moi_trang';
  const units = [
    ...index.movementCommunes.flatMap((c) => [c, ...(villages ? index.villagesOf(c.ma_don_vi) : [])]),
    ...index.currentCommunes,
  ];
  return [
    siteCard(site),
    ...units.flatMap((u) => unitCard(site, paths, u.ma_don_vi) ?? []),
    ...awards.flatMap((a) => awardCard(site, a) ?? []),
    ...site.stories.flatMap((s) => storyCard(site, paths, s.slug) ?? []),
  ];
}
