// The catalog of issue codes: stable ids, default severity, and message templates in both
// languages. Placeholders {name} are filled from an issue's params when it is rendered.
import type { Severity } from '../core/types.js';

interface Entry {
  severity: Severity;
  /** when the severity differs from the default, as the README's catalog says it */
  severityNote?: string;
  tags: readonly string[];
  vi: string;
  en: string;
}

export const CATALOG = {
  'empty-file': { severity: 'error', tags: ['structure'], vi: '{reason}', en: '{reasonEn}' },
  'unknown-sheet': { severity: 'warning', severityNote: 'error when no sheet of the file is a known kind', tags: ['structure'], vi: 'Không nhận ra loại biểu của trang "{sheet}": không tìm thấy dòng tiêu đề cột quen thuộc trong 20 dòng đầu.', en: 'Sheet "{sheet}" is not a known kind: no familiar header row in its first 20 rows.' },
  'missing-column': { severity: 'error', tags: ['structure'], vi: 'Biểu {kind} thiếu cột "{column}".', en: 'The {kind} sheet lacks the column "{column}".' },
  'duplicate-header': { severity: 'error', tags: ['structure'], vi: 'Cột "{column}" xuất hiện nhiều lần; chỉ cột đầu tiên được đọc.', en: 'Column "{column}" appears more than once; only the first is read.' },
  'unreadable-file': { severity: 'error', tags: ['structure'], vi: '{reason}', en: '{reasonEn}' },
  'sheet-not-filled': { severity: 'error', tags: ['cell'], vi: 'Trang "{sheet}" chưa điền: cột "{column}" còn trống ở cả {n} dòng.', en: 'Sheet "{sheet}" is not filled in: column "{column}" is empty on all {n} rows.' },
  'bad-line': { severity: 'error', tags: ['structure'], vi: 'Dòng {line} không đọc được: {reason}. Dòng này bị bỏ qua; các dòng khác vẫn được đọc.', en: 'Line {line} cannot be read: {reasonEn}. The line is skipped; the other lines are read.' },
  'line-repaired': { severity: 'warning', tags: ['structure'], vi: 'Dòng {line}: {reason}. Hãy kiểm tra lại dòng này.', en: 'Line {line}: {reasonEn}. Check this line.' },
  'cell-too-long': { severity: 'error', tags: ['cell'], vi: 'Ô dài {length} ký tự, vượt giới hạn {limit} ký tự ({flag}); chỉ phần đầu được đọc.', en: 'The cell holds {length} characters, over the {limit}-character limit ({flag}); only its beginning is read.' },
  'legacy-encoding-converted': { severity: 'warning', tags: ['cell'], vi: 'Ô gõ bằng bảng mã cũ {encoding}: "{value}" được đọc thành "{converted}". Nên chuyển tệp sang Unicode (Unikey: Ctrl+Shift+F6).', en: 'The cell is typed in the legacy {encoding} encoding: "{value}" is read as "{converted}". Convert the file to Unicode (Unikey: Ctrl+Shift+F6).' },
  'required-empty': { severity: 'error', tags: ['cell'], vi: 'Ô "{column}" bị bỏ trống.', en: 'The "{column}" cell is empty.' },
  'not-a-date': { severity: 'error', tags: ['cell'], vi: '"{value}" không phải ngày hợp lệ; hãy ghi dạng ngày/tháng/năm, ví dụ 20/8/2021.', en: '"{value}" is not a valid date; write it as day/month/year, e.g. 20/8/2021.' },
  'not-a-number': { severity: 'error', tags: ['cell'], vi: '"{value}" không phải là số.', en: '"{value}" is not a number.' },
  'negative-count': { severity: 'error', tags: ['cell'], vi: 'Số lượng không được âm ({value}).', en: 'A count cannot be negative ({value}).' },
  'zone-invalid': { severity: 'error', tags: ['cell'], vi: '"{value}" không phải vùng/cấp độ hợp lệ.', en: '"{value}" is not a valid zone.' },
  'award-form-invalid': { severity: 'error', tags: ['cell'], vi: 'Không nhận ra hình thức khen thưởng "{value}".', en: 'Unknown award form "{value}".' },
  'nomination-kind-invalid': { severity: 'error', tags: ['cell'], vi: '"{value}" phải là "Tập thể" hoặc "Cá nhân".', en: '"{value}" must be "Tập thể" (collective) or "Cá nhân" (individual).' },
  'indicator-unknown': { severity: 'warning', tags: ['plan'], vi: 'Chỉ tiêu "{value}" không có trong kế hoạch; vẫn được tổng hợp theo tên.', en: 'Indicator "{value}" is not in the plan; it is totalled by its name.' },
  'cell-error': { severity: 'error', tags: ['cell'], vi: 'Ô chứa lỗi công thức {value}.', en: 'The cell holds the formula error {value}.' },
  'unknown-commune': { severity: 'error', tags: ['registry'], vi: 'Không có xã nào mang mã/tên "{value}" trong danh mục.', en: 'No commune has the code/name "{value}" in the register.' },
  'ambiguous-commune': { severity: 'error', tags: ['registry'], vi: 'Tên "{value}" trùng ở nhiều huyện ({candidates}); hãy ghi mã xã.', en: 'The name "{value}" exists in several districts ({candidates}); give the commune code.' },
  'commune-name-mismatch': { severity: 'error', tags: ['registry'], vi: 'Mã {code} là {registered}, không phải "{value}".', en: 'Code {code} is {registered}, not "{value}".' },
  'commune-other-district': { severity: 'error', tags: ['registry'], vi: '{commune} thuộc {district}, không thuộc {submitting}.', en: '{commune} belongs to {district}, not to {submitting}.' },
  'district-not-found': { severity: 'error', tags: ['registry'], vi: 'Không xác định được huyện gửi tệp (không thấy tên huyện ở phần tiêu đề, không có mã xã hợp lệ). Dùng --district MÃ.', en: 'Cannot tell which district sent this file (no district name in its title, no valid commune code). Use --district CODE.' },
  'date-out-of-period': { severity: 'error', tags: ['plan'], vi: 'Ngày {value} nằm ngoài kỳ báo cáo ({from} – {to}; đánh giá đầu kỳ được phép từ {lookback}).', en: 'Date {value} is outside the reporting period ({from} – {to}; baseline assessments allowed from {lookback}).' },
  'zone-contradicts-cases': { severity: 'warning', tags: ['plan'], vi: 'Ghi {zone} nhưng có {cases} ca cộng đồng trong 14 ngày: vùng xanh đòi hỏi không có ca cộng đồng.', en: 'Marked {zone} with {cases} community cases in 14 days: green requires none.' },
  'conflicting-assessment': { severity: 'error', tags: ['plan'], vi: '{commune} có hai đánh giá khác nhau ngày {date}: {zone} và {other} ({otherAt}).', en: '{commune} has two different assessments on {date}: {zone} and {other} ({otherAt}).' },
  'commune-missing': { severity: 'error', tags: ['submission'], vi: 'Hồ sơ chưa có dòng nào cho {commune}.', en: 'The submission has no row for {commune}.' },
  'missing-status-start': { severity: 'error', tags: ['submission'], vi: '{commune} không có đánh giá đầu kỳ (từ {lookback} đến {from}).', en: '{commune} has no assessment at the start of the period ({lookback} to {from}).' },
  'missing-status-end': { severity: 'error', tags: ['submission'], vi: '{commune} không có đánh giá nào trong kỳ ({from} – {to}): hãy bổ sung kết quả phân vùng cuối kỳ.', en: '{commune} has no assessment within the period ({from} – {to}): add its end-of-period zone.' },
  'collective-not-rewarded': { severity: 'warning', tags: ['plan'], vi: '"{value}" không thuộc loại tập thể kế hoạch khen thưởng ({allowed}).', en: '"{value}" is not a collective the plan rewards ({allowed}).' },
  'individual-without-unit': { severity: 'error', tags: ['plan'], vi: 'Cá nhân "{name}" chưa ghi đơn vị công tác.', en: 'Individual "{name}" has no unit.' },
  'award-not-provincial': { severity: 'warning', tags: ['plan'], vi: '"{value}" không do Chủ tịch UBND tỉnh tặng; đề nghị này sẽ không vào danh sách của tỉnh.', en: '"{value}" is not given by the provincial Chairman; this nomination will not be on the provincial list.' },
  'not-a-spreadsheet': { severity: 'warning', tags: ['structure'], vi: 'Tệp {name} là {what}, không phải bảng tính, chưa đọc: số liệu phải gửi bằng biểu Excel (.xlsx) hoặc CSV.', en: '{name} is {whatEn}, not a spreadsheet, and was not read: figures must come as an Excel (.xlsx) or CSV sheet.' },
  'repeated-assessment': { severity: 'warning', tags: ['plan'], vi: '{commune} ngày {date} đã có ở {otherAt} (cùng là {zone}); phần dòng này ghi khác ({fields}) không được tính.', en: '{commune} on {date} is already at {otherAt} (same zone, {zone}); what this row says differently ({fieldsEn}) is not counted.' },
  'duplicate-row': { severity: 'warning', tags: ['cell'], vi: 'Dòng {row} lặp lại y hệt dòng {first}; chỉ tính một lần.', en: 'Row {row} repeats row {first} exactly; it is counted once.' },
  'district-sent-twice': { severity: 'warning', tags: ['submission'], vi: '{district} gửi hai tệp có đánh giá trùng nhau: {older} và {newer} (tệp mới hơn: {newest}). Chỉ tệp mới hơn được dùng, tệp cũ được bỏ qua; hãy xác nhận với đơn vị và chỉ giữ một tệp.', en: '{district} sent two files with overlapping assessments: {older} and {newer} (newer: {newest}). Only the newer file is used, the older one is set aside; confirm with the district and keep one file.' },
  'commune-name-without-tones': { severity: 'warning', tags: ['registry'], vi: '"{value}" chỉ khớp với {registered} ({code}) khi bỏ dấu; hãy ghi đúng tên "{registered}".', en: '"{value}" matches {registered} ({code}) only without diacritics; write "{registered}".' },
  'no-zone-sheet': { severity: 'warning', tags: ['submission'], vi: 'Hồ sơ của {district} không có biểu phân vùng.', en: 'The submission of {district} has no zone assessment sheet.' },
} as const satisfies Record<string, Entry>;

export type IssueCode = keyof typeof CATALOG;

/** The catalog as the Markdown table the README carries (a test keeps the two equal). */
export function catalogMarkdown(): string {
  const rows = Object.entries(CATALOG).map(([code, e]: [string, Entry]) => `| \`${code}\` | ${e.severity}${e.severityNote ? ` (${e.severityNote})` : ''} | ${e.en.replaceAll('|', '\\|')} | ${e.vi.replaceAll('|', '\\|')} |`);
  return ['| code | severity | message (English) | thông báo (tiếng Việt) |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
