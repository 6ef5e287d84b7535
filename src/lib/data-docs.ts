import type { Column } from './ingest/table.ts';
import { SETTINGS } from './schemas/settings.ts';
import { awardsTable, criteriaTable, CRITERION_IDS, regionsTable, reviewTable, unitsTable } from './schemas/tables.ts';
import { LOCK_FILE, movedUrlsTable } from './schemas/urls.ts';

// data/README.md is generated from the schemas (npm run data-docs), so the documented contract
// and the validated one cannot drift apart; a test checks the file is current.

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function columnTable(columns: readonly Column[]): string {
  const rows = columns.map((c) => `| \`${c.key}\` | ${cell(c.label)} | ${cell(c.type.name)} | ${c.required ? 'bắt buộc' : 'không'} | ${cell(c.description)} | ${cell(c.example)} |`);
  return ['| khóa (key) | nhãn tiếng Việt | kiểu | bắt buộc | ý nghĩa | ví dụ |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export function dataReadme(): string {
  const tables = [unitsTable, regionsTable, reviewTable, awardsTable, criteriaTable, movedUrlsTable];
  const settings = Object.entries(SETTINGS).map(([key, s]) => `| \`${key}\` | ${cell(s.label)} | ${cell(s.type.name)} | ${s.default === null ? 'bắt buộc' : `\`${String(s.default)}\``} | ${cell(s.description)} |`);
  return `# Dữ liệu đầu vào — the data contract

<!-- Tệp này được sinh từ src/lib/schemas bằng \`npm run data-docs\`. Đừng sửa tay. -->

Thư mục \`data/\` chứa các tệp CSV mà bộ phận thống kê xuất từ bảng tính Excel. Bản đang có là
**dữ liệu minh họa** (\`du_lieu_minh_hoa = có\`): mã và tên 17 xã, thị trấn của huyện Phong Thổ và việc
sắp xếp ngày 1/7/2025 là thật; tên thôn, mọi số liệu, khu vực, cờ xã vùng cao biên giới, các quyết định
thoát diện, khen thưởng và tên người là **giả định**, chỉ để thử trang. Tạo lại bằng \`npm run sample-data\`.

## Cách xuất từ Excel

- Lưu bằng **"CSV UTF-8 (Comma delimited) (*.csv)"**. "Unicode Text" (UTF-16, phân cách tab) cũng
  được nhận. "CSV (Comma delimited)" thường làm hỏng dấu tiếng Việt và bị từ chối.
- Dấu phân cách \`,\` \`;\` hoặc tab đều được (tự nhận từ dòng tiêu đề).
- Dòng đầu là tên cột: viết **khóa** hoặc **nhãn tiếng Việt** đều được, không phân biệt hoa thường,
  khoảng trắng hay kiểu gõ dấu. Thứ tự cột tùy ý. Cột lạ được bỏ qua (có cảnh báo) và không công khai;
  cột trông như dữ liệu cá nhân (CCCD/CMND, điện thoại, ngày sinh, dân tộc của hộ, địa chỉ, thành viên
  hộ) làm tệp bị từ chối.
- Số: \`1.234\` là một nghìn hai trăm ba mươi tư; \`41,6\` và \`41,6%\` là 41,6. Số hộ, số người phải là số
  nguyên không âm. Ngày: \`20/11/2025\` hoặc \`2025-11-20\`. Có/không: \`có\`, \`không\` (hoặc \`x\`, \`1\`, \`0\`).
- Ô có dấu phân cách (ví dụ \`41,6\` trong tệp phân cách bằng dấu phẩy) phải nằm trong ngoặc kép — Excel tự làm.
- Chạy \`npm run check-data\` để kiểm tra: mỗi lỗi nêu tệp, dòng, cột, giá trị và cách sửa. Khi có lỗi,
  không trang nào được dựng.

Thư mục khác: đặt biến môi trường \`CHUNG_TAY_DATA_DIR\` (dữ liệu) và \`CHUNG_TAY_CONTENT_DIR\` (bài viết).

## Các tệp

| tệp | nội dung |
|---|---|
| \`dia-phuong.csv\` | địa phương, cơ quan chủ quản, liên hệ, giai đoạn, năm gốc, cách hiểu tiêu chí (mỗi dòng một thiết lập) |
${tables.map((t) => `| \`${t.file}\` | ${cell(t.description)} |`).join('\n')}
| \`${LOCK_FILE}\` | mọi đường dẫn đã công khai và nội dung của nó; do \`npm run accept-urls\` ghi, không sửa tay (xem README chính) |

Bài viết điển hình nằm ở \`content/dien-hinh/*.mdx\` (xem README chính).

## \`dia-phuong.csv\` — Địa phương và thiết lập

Hai cột \`khoa\` (Khóa) và \`gia_tri\` (Giá trị), thêm \`ghi_chu\` (Ghi chú) tùy ý. Thiết lập có mặc định
thì có thể bỏ dòng.

| khóa | nhãn | kiểu | mặc định | ý nghĩa |
|---|---|---|---|---|
${settings.join('\n')}

${tables.map((t) => `## \`${t.file}\` — ${t.title}\n\n${t.description}\n\n${columnTable(t.columns)}\n`).join('\n')}
### Mã tiêu chí

${Object.entries(CRITERION_IDS).map(([id, name]) => `- \`${id}\`: ${name}`).join('\n')}

Mỗi mã phải có đúng một dòng trong \`tieu-chi.csv\`. Tiêu chí đo gì và áp dụng cho đơn vị nào là cố định
theo mã (xem trang Phương pháp); ngưỡng, phép so sánh và căn cứ do tệp quy định.
`;
}
