import { PERSONAL_KINDS } from './ingest/personal.ts';
import type { Column } from './ingest/table.ts';
import { MAX_DECIMALS, MAX_LENGTH } from './ingest/values.ts';
import { ROUND_FOLDER } from './domain/rounds.ts';
import { reportsTable } from './schemas/reports.ts';
import { SETTINGS } from './schemas/settings.ts';
import {
  awardsTable,
  criteriaTable,
  CRITERION_IDS,
  CRITERION_MEASURES,
  regionsTable,
  reviewTable,
  unitsTable,
} from './schemas/tables.ts';
import { LOCK_FILE, movedUrlsTable } from './schemas/urls.ts';

// data/README.md is generated from the schemas (npm run data-docs), so the documented contract
// and the validated one cannot drift apart; a test checks the file is current.

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function columnTable(columns: readonly Column[]): string {
  const rows = columns.map(
    (c) =>
      `| \`${c.key}\` | ${cell(c.label)} | ${cell(c.type.name)} | ${c.required ? 'bắt buộc' : 'không'} | ${cell(c.description)} | ${cell(c.example)} |`,
  );
  return [
    '| khóa (key) | nhãn tiếng Việt | kiểu | bắt buộc | ý nghĩa | ví dụ |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function thresholdScales(): string {
  const ids = (measure: 'percent' | 'count') =>
    Object.entries(CRITERION_MEASURES)
      .filter(([, m]) => m === measure)
      .map(([id]) => `\`${id}\``)
      .join(', ');
  return `${ids('percent')}: từ 0 đến 100 (điểm phần trăm hoặc phần trăm); ${ids('count')}: số nguyên ≥ 0`;
}

export function dataReadme(): string {
  const tables = [unitsTable, regionsTable, reviewTable, awardsTable, criteriaTable, reportsTable, movedUrlsTable];
  const settings = Object.entries(SETTINGS).map(
    ([key, s]) =>
      `| \`${key}\` | ${cell(s.label)} | ${cell(s.type.name)} | ${s.default === null ? 'bắt buộc' : `\`${String(s.default)}\``} | ${cell(s.description)} |`,
  );
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
- Mỗi dòng có đúng số ô như dòng tiêu đề. Dòng nhiều hoặc ít ô hơn bị từ chối (thường do dấu phẩy thập phân
  hoặc dấu phẩy trong văn bản không có ngoặc kép, làm các ô sau bị đẩy sang phải), kể cả khi các ô thừa
  trống. Dấu phân cách thừa ở cuối mọi dòng, kể cả dòng tiêu đề (Excel hay xuất như vậy), thì được nhận.
- Tên cột ở dòng 1 (không có dòng tên bảng phía trên); không có dòng "Tổng cộng", "Cộng": trang tự cộng.
- Mã có số 0 ở đầu (\`03550\`): đặt định dạng cột là Văn bản (Text) trong Excel, nếu không Excel bỏ số 0.
- Chạy \`npm run check-data\` để kiểm tra: mỗi lỗi nêu tệp, dòng, cột, giá trị và cách sửa. Khi có lỗi,
  không trang nào được dựng.

Thư mục khác: đặt biến môi trường \`CHUNG_TAY_DATA_DIR\` (dữ liệu) và \`CHUNG_TAY_CONTENT_DIR\` (bài viết).

## Các tệp

| tệp | nội dung |
|---|---|
| \`dia-phuong.csv\` | địa phương, cơ quan chủ quản, liên hệ, giai đoạn, năm gốc, cách hiểu tiêu chí (mỗi dòng một thiết lập) |
${tables.map((t) => `| \`${t.file}\` | ${cell(t.description)} |`).join('\n')}
| \`${LOCK_FILE}\` | mọi đường dẫn đã công khai và nội dung của nó; do \`npm run accept-urls\` ghi, không sửa tay (xem README chính) |
| \`${ROUND_FOLDER}/<mã đợt>.json\` | kết quả đã công bố của một đợt (sơ kết, tổng kết, danh sách hằng năm); do \`npm run freeze\` ghi, không sửa tay (xem dưới) |

Bài viết điển hình nằm ở \`content/dien-hinh/*.mdx\` (xem README chính).

## Tệp ranh giới (không bắt buộc)

Không có tệp ranh giới, bản đồ là sơ đồ vị trí gần đúng (cột \`vi_do\`, \`kinh_do\` của \`don-vi.csv\`). Để vẽ ranh giới
thật, đặt vào thư mục dữ liệu một tệp cho mỗi loại đơn vị:

| tệp | vẽ các đơn vị | nguồn và giấy phép |
|---|---|---|
| \`ranh-gioi-xa.geojson\` hoặc \`.topojson\` | xã, thị trấn trong phong trào (2021 – 30/6/2025): trang chủ, các trang \`/ban-do/…\` | \`ranh-gioi-xa.nguon.txt\` |
| \`ranh-gioi-xa-moi.geojson\` hoặc \`.topojson\` | xã, phường từ 1/7/2025: trang \`/xa-moi/\` | \`ranh-gioi-xa-moi.nguon.txt\` |

- Mỗi vùng (feature) có **một thuộc tính mang mã của đơn vị**: cột \`ma_don_vi\` hoặc \`ma_hanh_chinh\` của
  \`don-vi.csv\` (ví dụ \`"ma_xa": "03550"\`; mã mất số 0 ở đầu vẫn khớp). Tên thuộc tính tùy ý.
- Tọa độ địa lý (kinh độ, vĩ độ) hoặc phẳng (VN-2000/UTM, mét); vòng theo chiều nào cũng được.
- Tệp \`.nguon.txt\` đặt cạnh tệp ranh giới (UTF-8, một hoặc hai dòng) ghi nguồn và giấy phép, ví dụ
  "Sở Nông nghiệp và Môi trường tỉnh Lai Châu, 2025. Giấy phép CC BY 4.0."; bản đồ in nguyên văn dưới hình
  ("Ranh giới: …"). Thiếu tệp này thì \`check-data\` nhắc.
- \`check-data\` báo mỗi tệp vẽ được bao nhiêu đơn vị, nêu tên đơn vị không có vùng và vùng không khớp đơn vị
  nào; tệp không khớp đơn vị nào là lỗi. Khi khớp chưa được một nửa số đơn vị, bản đồ vẫn là sơ đồ.
- Tệp khác trông như ranh giới (\`*.geojson\`, \`*.topojson\`, \`ranh-gioi*.json\`, kể cả tên cũ \`ranh-gioi.geojson\`)
  không được đọc; \`check-data\` nêu tên các tệp được đọc.

## Đợt công bố đã chốt (\`${ROUND_FOLDER}/\`)

Kết quả của một đợt chính thức được chốt lại đúng như đã công bố, để số liệu sửa về sau không âm thầm đổi kết quả
mà khen thưởng đã dựa vào. Mã đợt: \`so-ket-<năm sơ kết>\`, \`tong-ket-<năm tổng kết>\` (theo \`nam_so_ket\`,
\`nam_tong_ket\`), \`nam-<năm>\` (danh sách phê duyệt của một năm).

- Chốt: \`npm run freeze -- --round so-ket-2023\` ghi \`${ROUND_FOLDER}/so-ket-2023.json\`: mã và tên đợt, năm, ngày chốt
  (\`ngay_chot\`), ngày cập nhật số liệu lúc chốt (\`ngay_so_lieu\`), mỗi dòng một số liệu đã dùng (\`so_lieu\`: tổng số
  hộ, hộ nghèo, hộ cận nghèo, hộ dân tộc thiểu số và hộ nghèo dân tộc thiểu số của từng đơn vị, mỗi năm mà kết quả
  dựa vào, kèm ngày quyết định mới nhất) và mỗi dòng một kết quả (\`ket_qua\`: tiêu chí, kết quả, giá trị, ngưỡng, số
  hộ còn thiếu, giải thích). Sau đó chạy \`npm run accept-urls\` (trang \`/dot/so-ket-2023/\`) và commit cả hai tệp.
- Lệnh từ chối khi dữ liệu có lỗi (như \`check-data\`), khi kết quả của đợt còn dùng số liệu sơ bộ (chỉ chốt danh
  sách đã phê duyệt: ghi \`trang_thai = chinh_thuc\` cùng số và ngày quyết định), và khi tệp đã có: **tệp đã chốt
  không bao giờ bị ghi đè**, kể cả khi dựng lại trang.
- Sửa số liệu sau khi chốt: sửa trong \`ket-qua-ra-soat.csv\` như thường lệ. Trang của đợt vẫn giữ kết quả đã công
  bố và ghi bên cạnh "Đã công bố: … Số liệu hiện nay: …" kèm ngày sửa; trang của xã, thôn có số liệu đã sửa ghi
  điều đó và dẫn về trang của đợt. **Ngày sửa** là ngày quyết định mới (\`ngay_quyet_dinh\`) nếu dòng đã sửa mang
  ngày quyết định sau ngày quyết định lúc chốt; nếu không, là \`ngay_cap_nhat\` của \`dia-phuong.csv\` khi nó sau
  ngày cập nhật lúc chốt; nếu cả hai không đổi, trang ghi "sửa sau ngày chốt" và nhắc ghi \`ngay_cap_nhat\`.
- Tệp bị sửa tay hoặc hỏng: \`check-data\` báo lỗi, nêu tệp, dòng và cách sửa (lấy lại bản trong kho mã). Một chỗ
  sửa tay vẫn đọc được cũng bị phát hiện: \`ma_kiem_tra\` là mã kiểm tra nội dung ghi lúc chốt. Xóa tệp thì trang
  của đợt mất, nên \`check-data\` từ chối như mọi đường dẫn đã công khai.

## \`dia-phuong.csv\` — Địa phương và thiết lập

Hai cột \`khoa\` (Khóa) và \`gia_tri\` (Giá trị), thêm \`ghi_chu\` (Ghi chú) tùy ý. Thiết lập có mặc định
thì có thể bỏ dòng.

| khóa | nhãn | kiểu | mặc định | ý nghĩa |
|---|---|---|---|---|
${settings.join('\n')}

${tables.map((t) => `## \`${t.file}\` — ${t.title}\n\n${t.description}\n\n${columnTable(t.columns)}\n`).join('\n')}
### Mã tiêu chí

${Object.entries(CRITERION_IDS)
  .map(([id, name]) => `- \`${id}\`: ${name}`)
  .join('\n')}

Mỗi mã phải có đúng một dòng trong \`tieu-chi.csv\`. Tiêu chí đo gì và áp dụng cho đơn vị nào là cố định
theo mã (xem trang Phương pháp); ngưỡng, phép so sánh và căn cứ do tệp quy định. Ngưỡng (và ngưỡng trên)
phải nằm trong thang đo của tiêu chí: ${thresholdScales()}. Mức giảm ghi bằng số dương.

## Giá trị được nhận

- Độ dài tối đa: tên ${MAX_LENGTH.name} ký tự (mỗi tên trong \`ten_khac\` cũng vậy), mã ${MAX_LENGTH.code} ký tự,
  văn bản ${MAX_LENGTH.free} ký tự, đường dẫn ${MAX_LENGTH.link} ký tự.
- Số thập phân: tối đa ${MAX_DECIMALS} chữ số sau dấu phẩy. Trong cột số thập phân, \`4.125\` (chỉ có dấu chấm) bị
  từ chối vì không rõ là 4125 hay 4,125: viết \`4,125\` hoặc \`4125\`. Số hộ, số người tối đa 9 chữ số.
- Năm rà soát và ngày quyết định (rà soát, khen thưởng) nằm trong giai đoạn phong trào, cho phép lệch một
  năm (\`nam_bat_dau\` − 1 đến \`nam_ket_thuc\` + 1), và không sau \`ngay_cap_nhat\`.
- Mã đơn vị, mã khen thưởng không trùng nhau kể cả khi chỉ khác chữ hoa, chữ thường hoặc dấu \`-\` \`.\` \`/\` \`_\`
  (\`KT-2023-001\` và \`kt.2023.001\` có cùng đường dẫn nên bị coi là trùng).
- Ký tự ẩn: ký tự điều khiển và ký tự đổi chiều viết (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
  U+061C) bị từ chối ở mọi ô vì làm đảo hoặc che một phần chữ. Ký tự độ rộng bằng 0 (U+200B–U+200D,
  U+2060, U+FEFF) và dấu gạch mềm (U+00AD) bị từ chối trong tên và mã (tên phải đúng như người đọc thấy),
  còn trong văn bản thì được bỏ đi (thường do sao chép từ Word, trang web). Tên, mã không có dấu xuống dòng.
- Chữ gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime) hoặc VNI (phông VNI-Times) hiện thành chữ lạ
  (\`Héi Cùu chiÕn binh\`, \`Vieät Nam\`) và bị từ chối ở mọi ô văn bản. Chuyển sang Unicode bằng Unikey:
  "Công cụ…" (Ctrl+Shift+F6), chọn bảng mã nguồn và đích Unicode, bấm "Chuyển mã".
- Tệp bị từ chối kèm lý do: tệp Excel đổi đuôi, tệp HTML ("Lưu thành trang web"), UTF-16 thiếu BOM, chữ bị
  hỏng kiểu \`XÃ£\` (UTF-8 bị mở sai bảng mã rồi lưu lại), ký tự NUL.

## Cột dữ liệu cá nhân bị từ chối

Tệp có cột mà tên cột (viết hoa hay thường, có dấu hay không, viết tắt có dấu chấm) nói đến một trong
các loại sau thì bị từ chối cả tệp, kể cả khi cột đó không được công khai. Xóa cả cột rồi chạy lại.

${PERSONAL_KINDS.map((k) => `- ${k.what}: ${k.words.map((w) => `\`${w}\``).join(', ')}`).join('\n')}

Cột đếm hoặc tỷ lệ (bắt đầu bằng "Số hộ", "Số người", "Số khẩu", "Tổng số", "Tỷ lệ"…) về dân tộc, giới tính,
sức khỏe, thành viên hộ thì không phải dữ liệu cá nhân (ví dụ \`so_ho_dtts\`, \`so_ho_ngheo_dtts\` là số hộ).
`;
}
