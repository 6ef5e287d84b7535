import type { Row } from '../__tests__/fixture.ts';
import type { Dataset } from '../dataset.ts';

// The reviewed form of every verdict, one row each, shared by the golden tests (golden.test.ts) and the
// fixture with a change of poverty standard (standard-change.test.ts).

const show = (v: number | null) => (v === null ? '' : String(v));

/** Every verdict as a row: result, value, threshold, shortfall, values used and the explanation. */
export function verdictRows(d: Dataset): Row[] {
  return d.verdicts.map((v) => ({
    ma_don_vi: v.ma_don_vi,
    tieu_chi: v.tieu_chi,
    nam: v.nam,
    dot: v.dot ?? '',
    ket_qua: v.ket_qua,
    gia_tri: show(v.gia_tri),
    phep_so_sanh: v.phep_so_sanh,
    nguong: v.nguong,
    don_vi_do: v.don_vi_do,
    can_them: show(v.can_them),
    trang_thai_so_lieu: v.trang_thai_so_lieu ?? '',
    so_lieu: v.so_lieu
      .map((s) => `${s.nam} ${s.chi_so} = ${s.gia_tri} «${s.hien_thi}»${s.trang_thai ? ` (${s.trang_thai})` : ''}`)
      .join(' | '),
    quyet_dinh: v.nhan_gia_tri_quyet_dinh === null ? '' : `${v.nhan_gia_tri_quyet_dinh}: ${v.gia_tri_quyet_dinh}`,
    muc_thieu: v.muc_thieu ?? '',
    giai_thich: v.giai_thich,
  }));
}
