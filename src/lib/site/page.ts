import type { SiteData } from '../snapshot.ts';
import { siteMeta, type SiteMeta } from './common.ts';

// What every page's layout needs: the site's status line and the owner's contacts (Nghị định 42/2022).
export interface PageFrame {
  meta: SiteMeta;
  contacts: { owner: string; address: string; phone: string; email: string; responsible: string };
}

export function pageFrame(site: SiteData): PageFrame {
  const s = site.settings;
  return {
    meta: siteMeta(site),
    contacts: {
      owner: s.co_quan_chu_quan,
      address: s.dia_chi_co_quan,
      phone: s.dien_thoai_co_quan,
      email: s.email_co_quan,
      responsible: `${s.nguoi_chiu_trach_nhiem}, ${s.chuc_vu_nguoi_chiu_trach_nhiem}`,
    },
  };
}
