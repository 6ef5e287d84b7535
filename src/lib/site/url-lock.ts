import { TEMPLATE_FILES } from '../data-templates.ts';
import type { Dataset } from '../dataset.ts';
import { makeIssue, type Issue } from '../ingest/issues.ts';
import type { ParsedTable } from '../ingest/table.ts';
import { LOCK_FILE, type MovedUrlRow } from '../schemas/urls.ts';
import { awardsTable, unitsTable, type AwardRow, type UnitRow } from '../schemas/tables.ts';
import { fromSnapshot, toSnapshot, type SiteData } from '../snapshot.ts';
import {
  allAwardViews,
  awardFilters,
  communeRoundRolls,
  withdrawnEntries,
  type AwardFilter,
  type AwardView,
  type CommuneRoundRoll,
} from './awards.ts';
import { mapIndicators } from './maps.ts';
import { communeIndexPaths, villageIndex } from './units.ts';
import { roundPath, ROUNDS_PATH } from './rounds.ts';
import { communeFilesPath, COMMUNE_FILES, printSheetPath, storyPath, unitPaths, type UnitPaths } from './paths.ts';

// Every URL the site publishes, and the check that none is dropped or re-pointed. The lock file
// (data/duong-dan.lock) records each published path with what it shows; a dataset that would
// drop one, or show other content there, is refused unless duong-dan-cu.csv declares a redirect
// or a removal notice. `npm run accept-urls` writes the lock from the current data.

/** A published URL and what it shows, e.g. "don-vi 03550", "khen-thuong KT-2023-001". */
export interface PublishedUrl {
  path: string;
  target: string;
}

/** A page at an old URL: a redirect to a page (named), or a notice that the page was removed. */
export interface RedirectPage {
  path: string;
  target: string;
  to: { name: string; path: string } | null;
}

/** What the pages need to write the same URLs the lock was checked against. */
export interface UrlPlan {
  /** Path → code of the unit the lock records there: it keeps the path in a collision. */
  locked: [string, string][];
  /** Every URL, sorted by path: the content of the lock file. */
  published: PublishedUrl[];
  redirects: RedirectPage[];
}

const EMPTY_PLAN: UrlPlan = { locked: [], published: [], redirects: [] };

const FIXED_PAGES = [
  '/',
  '/bao-chi/',
  '/gioi-thieu/',
  '/phuong-phap/',
  '/quyen-rieng-tu/',
  '/thon/',
  '/dien-hinh/',
  '/du-lieu/',
  '/du-lieu/chat-luong/',
  '/vinh-danh/',
  '/xa-moi/',
  '/cap-nhat-du-lieu/',
  '/bao-cao/',
];
/** The open-data downloads (src/pages/du-lieu/[file].ts); a site test checks the list against the output. */
const DOWNLOADS = [
  'danh-gia',
  'ket-qua-ra-soat',
  'don-vi',
  'khu-vuc',
  'tieu-chi',
  'bao-cao',
  'khen-thuong',
  'dia-phuong',
  'chat-luong',
];

/** What every step of the check reads, computed once per build. */
interface UrlContext {
  site: SiteData;
  paths: UnitPaths;
  /** Public honour-roll entries, by code. */
  views: ReadonlyMap<string, AwardView>;
  filters: AwardFilter[];
  /** Each commune's honour roll per round. */
  rolls: CommuneRoundRoll[];
  /** The path of an honour-roll list → its target. */
  filterTarget: (path: string) => string;
}

function unitLink({ site, paths }: UrlContext, id: string) {
  const u = site.index.byId.get(id);
  const path = paths.of(id);
  return u && path ? { name: u.ten_don_vi, path } : null;
}

/** Other spellings (`ten_khac`) of unit names, as pages that redirect. */
function aliasPages(ctx: UrlContext): RedirectPage[] {
  return ctx.paths.aliases.map((a) => ({ path: a.from, target: `ten-khac ${a.unitId}`, to: unitLink(ctx, a.unitId) }));
}

/** A declared old URL (duong-dan-cu.csv): a redirect to a unit or an entry, or a notice that it was removed. */
function declaredPage(ctx: UrlContext, m: MovedUrlRow): RedirectPage {
  const [path, id] = [m.duong_dan_cu, m.chuyen_den_ma];
  if (id === null) return { path, target: 'go-bo', to: null };
  const award = ctx.views.get(id);
  if (award) return { path, target: `chuyen-huong khen-thuong ${id}`, to: { name: award.name, path: award.path } };
  return { path, target: `chuyen-huong don-vi ${id}`, to: unitLink(ctx, id) };
}

/** /vinh-danh/nam/2023/ → "vinh-danh nam 2023"; a commune's list by its code, as its slug may change. */
function filterTarget(site: SiteData, paths: UnitPaths): (path: string) => string {
  const listPath = (c: UnitRow) => `/vinh-danh/xa/${paths.of(c.ma_don_vi)?.split('/')[2]}/`;
  const communeAt = new Map(site.index.movementCommunes.map((c) => [listPath(c), c]));
  return (path) => {
    const commune = communeAt.get(path);
    return commune ? `vinh-danh xa ${commune.ma_don_vi}` : ['vinh-danh', ...path.split('/').slice(2, -1)].join(' ');
  };
}

/** The name of what a target shows, for redirect pages: a unit, an entry, a list of the honour roll, a story. */
function titles({ site, paths, views, filters, rolls, filterTarget: filter }: UrlContext): Map<string, string> {
  return new Map([
    ...sheetUrls(site, paths).map((u): [string, string] => [u.target, `Bản in A4: ${u.name}`]),
    ...rolls.map((r): [string, string] => [rollTarget(r), `Vinh danh: ${r.communeName}, ${r.title.toLowerCase()}`]),
    ...site.units.map((u): [string, string] => [`don-vi ${u.ma_don_vi}`, u.ten_don_vi]),
    ...[...views.values()].map((a): [string, string] => [`khen-thuong ${a.id}`, a.name]),
    ...filters.map((f): [string, string] => [filter(f.path), `Vinh danh: ${f.title}`]),
    ...site.stories.map((s): [string, string] => [`bai-viet ${s.slug}`, s.tieu_de]),
  ]);
}

/** Each commune's A4 sheet, by the commune's code: its slug may change with a rename, the code does not. */
function sheetUrls(site: SiteData, paths: UnitPaths): (PublishedUrl & { name: string })[] {
  return site.index.movementCommunes.flatMap((c) => {
    const path = paths.of(c.ma_don_vi);
    return path ? [{ path: printSheetPath(path), target: `ban-in ${c.ma_don_vi}`, name: c.ten_don_vi }] : [];
  });
}

const rollTarget = (r: CommuneRoundRoll) => `vinh-danh xa ${r.communeId} ${r.round}`;

/** Every page the site writes with what it shows, before redirects and notices. */
function pageUrls({ site, paths, views, filters, rolls, filterTarget: filter }: UrlContext): PublishedUrl[] {
  const { index } = site;
  const units = [
    ...index.movementCommunes.flatMap((c) => [c, ...index.villagesOf(c.ma_don_vi)]),
    ...index.currentCommunes,
  ];
  const files = [
    ...DOWNLOADS.flatMap((name) => [`${name}.csv`, `${name}.json`, `${name}.xlsx`]),
    ...TEMPLATE_FILES.map((f) => `mau/${f}`),
  ];
  return [
    ...FIXED_PAGES.map((path) => ({ path, target: `trang ${path.slice(1, -1) || 'chu'}` })),
    ...mapIndicators(site).map((m) => ({ path: `/ban-do/${m.slug}/`, target: `ban-do ${m.slug}` })),
    ...villageIndex(site, paths)
      .filter((p) => p.path !== '/thon/')
      .map((p) => ({ path: p.path, target: `trang ${p.path.slice(1, -1)}` })),
    ...communeIndexPaths(site, paths).map((path) => ({ path, target: `trang ${path.slice(1, -1)}` })),
    ...files.map((file) => ({ path: `/du-lieu/${file}`, target: `tai-ve ${file}` })),
    ...index.movementCommunes.flatMap((c) =>
      COMMUNE_FILES.map((file) => {
        const path = `${communeFilesPath(c.ma_don_vi)}${file}`;
        return { path, target: `tai-ve ${path.slice('/du-lieu/'.length)}` };
      }),
    ),
    ...units.map((u) => ({ path: paths.of(u.ma_don_vi) ?? '/', target: `don-vi ${u.ma_don_vi}` })),
    ...[...views.values()].map((a) => ({ path: a.path, target: `khen-thuong ${a.id}` })),
    ...withdrawnEntries(site).map((w) => ({ path: w.path, target: `khen-thuong-da-go ${w.id}` })),
    ...filters.map(({ path }) => ({ path, target: filter(path) })),
    ...rolls.map((r) => ({ path: r.path, target: rollTarget(r) })),
    ...sheetUrls(site, paths).map(({ path, target }) => ({ path, target })),
    ...site.stories.map((s) => ({ path: storyPath(s.slug), target: `bai-viet ${s.slug}` })),
    ...(site.rounds.length > 0 ? [{ path: ROUNDS_PATH, target: 'trang dot' }] : []),
    ...site.rounds.map((r) => ({ path: roundPath(r.dot), target: `dot-cong-bo ${r.dot}` })),
  ];
}

/** Pages and redirect pages together, sorted by path: what the site publishes. */
function withRedirects(pages: readonly PublishedUrl[], redirects: readonly RedirectPage[]): PublishedUrl[] {
  const urls = [...pages, ...redirects.map(({ path, target }) => ({ path, target }))];
  return urls.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The lock file: a header, then "path<TAB>target" per line, sorted; the same data gives the same bytes. */
export function formatLock(urls: readonly PublishedUrl[]): string {
  const header = [
    '# Các đường dẫn đã công khai của trang: mỗi dòng "đường dẫn<TAB>nội dung".',
    '# Sinh bằng `npm run accept-urls`; đừng sửa tay. Đường dẫn đã có ở đây không được mất hay đổi nội dung:',
    '# khai báo chuyển hướng hoặc gỡ bỏ trong duong-dan-cu.csv.',
  ];
  return `${[...header, ...urls.map((u) => `${u.path}\t${u.target}`)].join('\n')}\n`;
}

interface LockLine extends PublishedUrl {
  line: number;
}

function parseLock(bytes: Uint8Array, issues: Issue[]): LockLine[] {
  const entries: LockLine[] = [];
  const seen = new Set<string>();
  new TextDecoder()
    .decode(bytes)
    .split(/\r?\n/)
    .forEach((text, i) => {
      const line = i + 1;
      if (text.trim() === '' || text.startsWith('#')) return;
      const [path = '', target, ...rest] = text.split('\t');
      if (path.startsWith('/') && target && rest.length === 0 && !seen.has(path)) {
        seen.add(path);
        entries.push({ path, target, line });
        return;
      }
      const why = seen.has(path) ? 'đường dẫn này đã có ở dòng trước' : 'dòng phải là "đường dẫn<TAB>nội dung"';
      issues.push(
        makeIssue(
          'error',
          { file: LOCK_FILE, line, value: text },
          'format-error',
          `Dòng không đọc được (${why}). Tệp này do máy sinh: lấy lại bản trong kho mã ` +
            `(git checkout data/${LOCK_FILE}) hoặc chạy npm run accept-urls.`,
        ),
      );
    });
  return entries;
}

/** What a target shows however it is reached: a unit's page and its redirects show the same unit. */
const REDIRECT = /^(ten-khac|chuyen-huong|go-bo)\b/;

function identity(target: string): string {
  return target
    .replace(/^ten-khac /, 'don-vi ')
    .replace(/^chuyen-huong /, '')
    .replace(/^khen-thuong-da-go /, 'khen-thuong ');
}

const KIND_WORDS: Record<string, string> = {
  'don-vi': 'trang đơn vị',
  'ten-khac': 'chuyển hướng từ tên khác đến đơn vị',
  'khen-thuong': 'mục vinh danh',
  'khen-thuong-da-go': 'thông báo đã gỡ mục vinh danh',
  'bai-viet': 'bài viết',
  'vinh-danh': 'danh sách vinh danh',
  'ban-do': 'bản đồ',
  'ban-in': 'bản in A4 của xã',
  'tai-ve': 'tệp tải về',
  trang: 'trang',
  'chuyen-huong': 'chuyển hướng đến',
  'go-bo': 'thông báo trang đã gỡ',
  'dot-cong-bo': 'kết quả đã công bố của đợt',
};

/** "don-vi 03550" → "trang đơn vị 03550 (Xã Sì Lở Lầu)". */
function describe(target: string, site: SiteData): string {
  const [kind = '', ...rest] = target.split(' ');
  const isUnit = identity(target).startsWith('don-vi ');
  const unit = isUnit ? site.index.byId.get(rest.at(-1) ?? '') : undefined;
  return `${KIND_WORDS[kind] ?? kind} ${rest.join(' ')}${unit ? ` (${unit.ten_don_vi})` : ''}`.trim();
}

export interface UrlInputs {
  lock: Uint8Array | undefined;
  moved: ParsedTable<MovedUrlRow> | null;
  units: ParsedTable<UnitRow>;
  awards: ParsedTable<AwardRow>;
  /** `npm run accept-urls`: compute the list without refusing what the lock lacks. */
  accept: boolean;
}

/**
 * Compute every URL of the dataset, with the lock deciding collisions, and check it against the
 * lock: a dropped or re-pointed URL is an error unless declared in duong-dan-cu.csv.
 */
export function checkUrls(d: Omit<Dataset, 'urls'>, inputs: UrlInputs, issues: Issue[]): UrlPlan {
  const site = fromSnapshot(toSnapshot({ ...d, urls: EMPTY_PLAN }, [], []), d.index, d.figures);
  // Accepting rewrites the lock, so a damaged line is no reason to refuse.
  const lock = inputs.lock ? parseLock(inputs.lock, inputs.accept ? [] : issues) : [];
  const locked = new Map(
    lock.flatMap((l): [string, string][] => {
      const m = /^don-vi (.+)$/.exec(identity(l.target));
      return m?.[1] ? [[l.path, m[1]]] : [];
    }),
  );
  const paths = unitPaths(site.index, locked);
  const unitLine = new Map(inputs.units.rows.map((l) => [l.row.ma_don_vi, l.line]));
  const unitName = (id: string) => `${site.index.byId.get(id)?.ten_don_vi ?? id} (${id})`;
  for (const c of paths.conflicts) {
    const line = unitLine.get(c.unitId) ?? null;
    const column = inputs.units.columnName('ten_khac');
    const at = { file: unitsTable.file, line, field: 'ten_khac', ...column, value: c.alias };
    issues.push(
      makeIssue(
        'warning',
        at,
        'row-constraint',
        `Tên khác "${c.alias}" của ${unitName(c.unitId)} cho đường dẫn ${c.path}, trùng với ${unitName(c.otherId)}: ` +
          'không tạo trang chuyển hướng cho tên khác này. Nếu tên này không còn cần, xóa nó khỏi cột ten_khac.',
      ),
    );
  }
  const lockLine = new Map(lock.map((l) => [l.path, l.line]));
  for (const c of paths.contested) {
    issues.push(
      makeIssue(
        'error',
        { file: LOCK_FILE, line: lockLine.get(c.path) ?? null, value: c.path },
        'row-constraint',
        `Đường dẫn ${c.path} đã công khai cho ${unitName(c.ownerId)}, nhưng nay tên của ${unitName(c.claimantId)} ` +
          `cho đúng đường dẫn này, còn tên của ${c.ownerId} thì không. Nếu ${c.ownerId} đã đổi tên: ghi tên cũ vào ` +
          `cột ten_khac của ${c.ownerId} trong don-vi.csv (đường dẫn cũ chuyển về trang mới của đơn vị này). Nếu ` +
          `tệp ${LOCK_FILE} bị sửa tay: lấy lại bản trong kho mã (git checkout data/${LOCK_FILE}).`,
      ),
    );
  }
  const views = new Map(allAwardViews(site, paths).map((a) => [a.id, a]));
  const filters = awardFilters(site, paths);
  const rolls = communeRoundRolls(site, paths, [...views.values()]);
  const ctx: UrlContext = { site, paths, views, filters, rolls, filterTarget: filterTarget(site, paths) };
  const pages = pageUrls(ctx);
  const redirects = aliasPages(ctx);
  const declared = checkDeclared(ctx, [...pages, ...redirects], inputs.moved, issues);
  redirects.push(...declared.map((m) => declaredPage(ctx, m)));
  redirects.push(...followMoved(lock, [...pages, ...redirects], ctx));
  const published = withRedirects(pages, redirects);
  checkOnePagePerPath(published, site, inputs, issues);
  if (!inputs.accept) compareWithLock(lock, published, site, issues, inputs.lock !== undefined);
  return { locked: [...locked], published, redirects };
}

/**
 * A locked URL whose content is still published at another path (a unit or commune renamed, its
 * other spelling dropped) redirects there: nothing to declare.
 */
function followMoved(lock: readonly LockLine[], published: readonly PublishedUrl[], ctx: UrlContext): RedirectPage[] {
  const at = new Set(published.map((u) => u.path));
  const gone = lock.filter((l) => !at.has(l.path));
  // Most builds drop no URL: what is shown where, and the names, are only needed for the lines that went.
  if (gone.length === 0) return [];
  const now = new Map(published.filter((u) => !REDIRECT.test(u.target)).map((u) => [identity(u.target), u.path]));
  const names = titles(ctx);
  return gone.flatMap((l) => {
    const shows = identity(l.target);
    const path = now.get(shows);
    const name = names.get(shows);
    if (!path || !name) return [];
    return [{ path: l.path, target: `chuyen-huong ${shows}`, to: { name, path } }];
  });
}

/** The rows of duong-dan-cu.csv that can be served: an old path no page uses, to a code that has a page. */
function checkDeclared(
  { site, paths, views }: UrlContext,
  published: readonly PublishedUrl[],
  moved: ParsedTable<MovedUrlRow> | null,
  issues: Issue[],
): MovedUrlRow[] {
  if (!moved) return [];
  const live = new Map(published.map((u) => [u.path, u.target]));
  const declared = new Map<string, MovedUrlRow>();
  for (const { line, row } of moved.rows) {
    const at = (field: keyof MovedUrlRow) => ({
      file: moved.file,
      line,
      field,
      ...moved.columnName(field),
      value: row[field],
    });
    const now = live.get(row.duong_dan_cu);
    const to = row.chuyen_den_ma;
    if (now) {
      issues.push(
        makeIssue(
          'error',
          at('duong_dan_cu'),
          'row-constraint',
          `Đường dẫn ${row.duong_dan_cu} vẫn đang có trang (${describe(now, site)}), ` +
            'nên không thể chuyển hướng hay gỡ. Xóa dòng này.',
        ),
      );
    } else if (to !== null && !paths.of(to) && !views.has(to)) {
      issues.push(
        makeIssue(
          'error',
          at('chuyen_den_ma'),
          'foreign-key',
          `Mã "${to}" không phải mã đơn vị có trang (don-vi.csv) hay mã khen thưởng đang công khai (khen-thuong.csv). ` +
            'Ghi mã của trang thay thế, hoặc để trống để hiện thông báo trang đã gỡ.',
        ),
      );
    } else if (declared.has(row.duong_dan_cu)) {
      issues.push(
        makeIssue(
          'error',
          at('duong_dan_cu'),
          'primary-key',
          `Đường dẫn ${row.duong_dan_cu} đã được khai báo ở dòng trước. Giữ một dòng.`,
        ),
      );
    } else declared.set(row.duong_dan_cu, row);
  }
  return [...declared.values()];
}

/** Two pages at one path (e.g. award codes "KT-1" and "KT/1"): one would overwrite the other. */
function checkOnePagePerPath(published: readonly PublishedUrl[], site: SiteData, inputs: UrlInputs, issues: Issue[]) {
  const unitLine = new Map(inputs.units.rows.map((l) => [l.row.ma_don_vi, l.line]));
  const awardLine = new Map(inputs.awards.rows.map((l) => [l.row.ma_khen_thuong, l.line]));
  published.forEach((u, i) => {
    const before = published[i - 1];
    if (before?.path !== u.path) return;
    const [kind, id = ''] = identity(u.target).split(' ');
    const isAward = kind === 'khen-thuong';
    const line = (isAward ? awardLine : unitLine).get(id) ?? null;
    const at = { file: isAward ? awardsTable.file : unitsTable.file, line, value: id };
    issues.push(
      makeIssue(
        'error',
        at,
        'primary-key',
        `Hai trang có cùng đường dẫn ${u.path}: ${describe(before.target, site)} và ${describe(u.target, site)}. ` +
          'Đổi mã hoặc tên để hai đường dẫn khác nhau.',
      ),
    );
  });
}

function compareWithLock(
  lock: readonly LockLine[],
  published: readonly PublishedUrl[],
  site: SiteData,
  issues: Issue[],
  hasLock: boolean,
) {
  const now = new Map(published.map((u) => [u.path, u.target]));
  let changed = 0;
  for (const l of lock) {
    const target = now.get(l.path);
    if (target === l.target) continue;
    const at = { file: LOCK_FILE, line: l.line, value: l.path };
    // Described only for a message: most lock lines are kept as they are.
    const was = () => describe(l.target, site);
    if (target === undefined) {
      issues.push(
        makeIssue(
          'error',
          at,
          'foreign-key',
          `Đường dẫn ${l.path} đã công khai (${was()}) nhưng dữ liệu mới không còn tạo trang này, nên liên kết cũ sẽ hỏng. ` +
            'Nếu đơn vị đổi tên, ghi tên cũ vào cột ten_khac của don-vi.csv; nếu không, thêm vào duong-dan-cu.csv dòng ' +
            `"${l.path},<mã đơn vị hoặc mã khen thưởng thay thế>,<lý do>" ` +
            '(để trống mã thì đường dẫn hiện thông báo đã gỡ).',
        ),
      );
    } else if (identity(target) !== identity(l.target) && !/^(chuyen-huong|go-bo)/.test(target)) {
      issues.push(
        makeIssue(
          'error',
          at,
          'row-constraint',
          `Đường dẫn ${l.path} đã công khai cho ${was()} nhưng nay sẽ là ${describe(target, site)}: ` +
            'người theo liên kết cũ sẽ đến nhầm trang. Nếu đơn vị cũ đổi tên, ghi tên cũ vào cột ten_khac của don-vi.csv ' +
            'để đơn vị cũ giữ đường dẫn. Nếu thay đổi này là chủ ý, chạy npm run accept-urls.',
        ),
      );
    } else if (target !== l.target) changed++;
  }
  const locked = new Set(lock.map((l) => l.path));
  const added = published.filter((u) => !locked.has(u.path));
  if (!hasLock) {
    issues.push(
      makeIssue(
        'warning',
        { file: LOCK_FILE },
        'format-error',
        `Chưa có tệp ${LOCK_FILE}: chưa có gì bảo đảm các đường dẫn đã công khai còn nguyên. ` +
          `Chạy npm run accept-urls để ghi danh sách ${published.length} đường dẫn hiện có, rồi đưa tệp vào kho mã.`,
      ),
    );
  } else if (added.length > 0 || changed > 0) {
    const examples = added.length
      ? ` (như ${added
          .slice(0, 3)
          .map((u) => u.path)
          .join(', ')})`
      : '';
    issues.push(
      makeIssue(
        'warning',
        { file: LOCK_FILE },
        'row-constraint',
        `${added.length} đường dẫn mới${examples} và ${changed} đường dẫn đổi cách hiển thị chưa ghi trong ${LOCK_FILE}. ` +
          'Khi đã xem lại, chạy npm run accept-urls để ghi danh sách mới.',
      ),
    );
  }
}
