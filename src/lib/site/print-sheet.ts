import { VERDICT_RESULTS } from '../domain/criteria.ts';
import { formatCount, formatDate, formatPercent } from '../format/vi.ts';
import { REVIEW_STATUSES } from '../schemas/tables.ts';
import type { SiteData } from '../snapshot.ts';
import { latestYear } from './common.ts';
import { qrCode, type QrCode } from './qr.ts';
import { printSheetPath, type UnitPaths } from './paths.ts';

// The one-page A4 sheet of a commune for the notice board: the latest round's verdicts in words, the
// latest figures with their status, the data date, the agency, and a QR code to the commune's page.

export interface SheetVerdict {
  criterion: string;
  label: string;
  explanation: string;
}

export interface PrintSheet {
  name: string;
  unitPath: string;
  path: string;
  /** The commune page's absolute URL, written under the QR code and encoded in it. */
  url: string;
  qr: QrCode;
  year: number;
  /** "Tổng kết" / "Sơ kết" when the year is one of the movement's rounds. */
  round: string | null;
  verdicts: SheetVerdict[];
  /** "4 trong 9 thôn, bản, tổ dân phố đạt tiêu chí thôn năm 2025" */
  villages: string | null;
  figures: { year: number; status: string; poor: string; nearPoor: string; multiRate: string } | null;
  updated: string;
  agency: string;
  address: string;
}

export function printSheets(site: SiteData, paths: UnitPaths, absolute: (path: string) => string): PrintSheet[] {
  const year = latestYear(site);
  const s = site.settings;
  return site.index.movementCommunes.flatMap((c) => {
    const unitPath = paths.of(c.ma_don_vi);
    if (!unitPath) return [];
    const own = site.verdictsOf(c.ma_don_vi).filter((v) => v.nam === year && v.ket_qua !== 'khong_ap_dung');
    const villageVerdicts = site.index
      .villagesOf(c.ma_don_vi)
      .map((v) => site.verdictOf(v.ma_don_vi, 'TC_THON', year))
      .filter((v) => v !== undefined && v.ket_qua !== 'khong_ap_dung');
    const met = villageVerdicts.filter((v) => v?.ket_qua === 'dat').length;
    const f = site.figures(c.ma_don_vi, year);
    const url = absolute(unitPath);
    const round = own[0]?.dot ?? (year === s.nam_tong_ket ? 'tong_ket' : year === s.nam_so_ket ? 'so_ket' : null);
    return [
      {
        name: c.ten_don_vi,
        unitPath,
        path: printSheetPath(unitPath),
        url,
        qr: qrCode(url),
        year,
        round: round === 'tong_ket' ? 'Tổng kết' : round === 'so_ket' ? 'Sơ kết' : null,
        verdicts: own.map((v) => ({
          criterion: v.ten_tieu_chi,
          label: VERDICT_RESULTS[v.ket_qua],
          explanation: v.giai_thich,
        })),
        villages:
          villageVerdicts.length > 0
            ? `${formatCount(met)} trong ${formatCount(villageVerdicts.length)} thôn, bản, tổ dân phố đạt tiêu chí thôn năm ${year}`
            : null,
        figures: f
          ? {
              year,
              status: REVIEW_STATUSES[f.trang_thai].toLowerCase(),
              poor: formatCount(f.so_ho_ngheo),
              nearPoor: formatCount(f.so_ho_can_ngheo),
              multiRate:
                f.tong_so_ho > 0 ? formatPercent((100 * (f.so_ho_ngheo + f.so_ho_can_ngheo)) / f.tong_so_ho) : '–',
            }
          : null,
        updated: formatDate(s.ngay_cap_nhat),
        agency: s.co_quan_chu_quan,
        address: s.dia_chi_co_quan,
      },
    ];
  });
}
