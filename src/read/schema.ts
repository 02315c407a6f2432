// The four sheet kinds and their columns: what each column is called in real spreadsheets.
// Aliases are compared as loose keys (no case, diacritics or punctuation); `words` lists word
// sets of which all must appear, for long labels offices write in their own way.
import type { SheetKind } from '../core/types.js';
import { looseKey } from '../core/normalize.js';

export interface FieldSpec {
  field: string;
  aliases: string[];
  words?: string[][];
  labelVi: string;
  labelEn: string;
}

export interface KindSpec {
  kind: SheetKind;
  labelVi: string;
  labelEn: string;
  fields: FieldSpec[];
  /** Each inner list is satisfied by any one of its fields. */
  required: string[][];
}

const f = (field: string, labelVi: string, labelEn: string, aliases: string[], words?: string[][]): FieldSpec => ({ field, labelVi, labelEn, aliases, words });

const COMMUNE_CODE = f('communeCode', 'Mã xã', 'Commune code', ['Mã xã', 'Mã ĐVHC', 'Mã đơn vị hành chính', 'Mã xã, phường, thị trấn', 'Mã đơn vị', 'Mã số xã', 'Mã'], [['ma', 'xa'], ['ma', 'dvhc'], ['ma', 'don', 'vi']]);
const COMMUNE_NAME = f('communeName', 'Tên xã', 'Commune name', ['Tên xã', 'Tên xã, phường, thị trấn', 'Xã/phường/thị trấn', 'Xã, phường, thị trấn', 'Đơn vị hành chính', 'Địa bàn', 'Tên đơn vị hành chính', 'Xã', 'Xã phường', 'Tên ĐVHC', 'Địa phương', 'Tên địa phương'], [['ten', 'xa'], ['ten', 'dvhc']]);
const NOTE = f('note', 'Ghi chú', 'Note', ['Ghi chú', 'Ghi chu', 'Note']);
const STT = f('stt', 'STT', 'No.', ['STT', 'TT', 'Số TT', 'Số thứ tự']);

export const KINDS: KindSpec[] = [
  {
    kind: 'zones', labelVi: 'Phân vùng', labelEn: 'Zone assessments',
    required: [['communeCode', 'communeName'], ['date'], ['zone']],
    fields: [
      STT, COMMUNE_CODE, COMMUNE_NAME,
      f('date', 'Ngày đánh giá', 'Assessment date', ['Ngày đánh giá', 'Ngày', 'Thời điểm đánh giá', 'Ngày phân vùng', 'Ngày cập nhật', 'Thời điểm', 'Ngày đánh giá phân vùng'], [['ngay', 'danh', 'gia'], ['thoi', 'diem']]),
      f('zone', 'Vùng', 'Zone', ['Vùng', 'Phân vùng', 'Vùng (mức độ nguy cơ)', 'Mức độ nguy cơ', 'Cấp độ', 'Cấp độ dịch', 'Kết quả phân vùng', 'Phân loại vùng', 'Màu', 'Vùng nguy cơ', 'Mức độ'], [['muc', 'nguy', 'co'], ['phan', 'vung'], ['cap', 'do']]),
      f('communityCases', 'Số ca cộng đồng 14 ngày', 'Community cases (14 days)', ['Số ca cộng đồng 14 ngày', 'Ca mắc trong cộng đồng (14 ngày)', 'Số ca mắc trong cộng đồng', 'Ca cộng đồng'], [['ca', 'cong', 'dong']]),
      f('quarantineCases', 'Số ca trong khu cách ly, phong tỏa', 'Cases in quarantine or lockdown', ['Số ca mắc trong khu cách ly, phong tỏa', 'Ca trong khu cách ly'], [['ca', 'cach', 'ly'], ['ca', 'phong', 'toa']]),
      f('lastCommunityCase', 'Ngày ghi nhận ca cộng đồng gần nhất', 'Date of last community case', ['Ngày ghi nhận ca cộng đồng gần nhất', 'Ngày có ca cuối cùng'], [['ngay', 'ca', 'cong', 'dong'], ['ngay', 'gan', 'nhat'], ['ngay', 'ca', 'cuoi']]),
      f('population', 'Dân số', 'Population', ['Dân số', 'Số dân', 'Dân số (người)']),
      f('decision', 'Số quyết định', 'Deciding document', ['Số quyết định', 'Quyết định', 'Văn bản', 'Căn cứ', 'Số văn bản'], [['quyet', 'dinh']]),
      NOTE,
    ],
  },
  {
    kind: 'nominations', labelVi: 'Đề nghị khen thưởng', labelEn: 'Nominations',
    required: [['kind'], ['name'], ['unit'], ['communeCode', 'communeName'], ['achievement']],
    fields: [
      STT,
      f('kind', 'Loại', 'Kind', ['Loại', 'Tập thể / Cá nhân', 'Tập thể/cá nhân', 'Đối tượng', 'Loại đối tượng', 'Phân loại'], [['tap', 'the', 'ca', 'nhan']]),
      f('name', 'Họ và tên / Tên tập thể', 'Name', ['Họ và tên / Tên tập thể', 'Họ và tên', 'Tên tập thể', 'Họ tên', 'Tên tập thể, cá nhân', 'Tên tập thể / Họ và tên', 'Tên tập thể hoặc họ và tên'], [['ho', 'ten'], ['ten', 'tap', 'the']]),
      f('position', 'Chức vụ', 'Position', ['Chức vụ', 'Chức danh']),
      f('unit', 'Đơn vị', 'Unit', ['Đơn vị', 'Đơn vị công tác', 'Cơ quan, đơn vị', 'Chức vụ, đơn vị', 'Chức vụ, đơn vị công tác', 'Nơi công tác'], [['don', 'vi', 'cong', 'tac']]),
      COMMUNE_CODE,
      { ...COMMUNE_NAME, aliases: [...COMMUNE_NAME.aliases, 'Địa bàn gắn với thành tích', 'Xã gắn với thành tích'] },
      f('achievement', 'Tóm tắt thành tích', 'Achievement summary', ['Tóm tắt thành tích', 'Thành tích', 'Thành tích đạt được', 'Nội dung thành tích'], [['thanh', 'tich']]),
      f('awardForm', 'Hình thức khen thưởng', 'Award form', ['Hình thức khen thưởng', 'Hình thức đề nghị', 'Hình thức', 'Hình thức đề nghị khen thưởng'], [['hinh', 'thuc']]),
      f('birthYear', 'Năm sinh', 'Year of birth', ['Năm sinh', 'Ngày sinh']),
      f('gender', 'Giới tính', 'Gender', ['Giới tính', 'Nam/Nữ', 'Nam nữ']),
      NOTE,
    ],
  },
  {
    kind: 'indicators', labelVi: 'Kết quả thi đua', labelEn: 'Campaign indicators',
    required: [['indicator'], ['value']],
    fields: [
      STT,
      f('indicator', 'Chỉ tiêu', 'Indicator', ['Chỉ tiêu', 'Nội dung', 'Tên chỉ tiêu', 'Nội dung chỉ tiêu', 'Nội dung thi đua']),
      f('unit', 'Đơn vị tính', 'Unit', ['Đơn vị tính', 'ĐVT', 'Đơn vị']),
      f('value', 'Kết quả', 'Value', ['Kết quả', 'Số lượng', 'Giá trị', 'Kết quả thực hiện', 'Thực hiện', 'Số liệu']),
      NOTE,
    ],
  },
  {
    kind: 'difficulties', labelVi: 'Khó khăn, kiến nghị', labelEn: 'Difficulties and proposals',
    required: [['content']],
    fields: [
      STT,
      f('content', 'Nội dung khó khăn, vướng mắc, kiến nghị', 'Content', ['Nội dung khó khăn, vướng mắc, kiến nghị', 'Khó khăn, vướng mắc', 'Kiến nghị', 'Khó khăn', 'Nội dung', 'Khó khăn, vướng mắc, kiến nghị', 'Đề xuất, kiến nghị', 'Kiến nghị, đề xuất'], [['kho', 'khan'], ['kien', 'nghi'], ['vuong', 'mac']]),
      NOTE,
    ],
  },
];

export interface CompiledField {
  spec: FieldSpec;
  exact: Set<string>;
  words: string[][];
}

export interface CompiledKind {
  spec: KindSpec;
  fields: CompiledField[];
  /** alias key → the first field it names exactly */
  exact: Map<string, string>;
  /** every word of every word set: a label with none of them can only match exactly */
  vocab: Set<string>;
}

function compileKind(spec: KindSpec): CompiledKind {
  const fields = spec.fields.map((fs) => ({ spec: fs, exact: new Set(fs.aliases.map(looseKey)), words: fs.words ?? [] }));
  const exact = new Map<string, string>();
  for (const fld of fields) for (const k of fld.exact) if (!exact.has(k)) exact.set(k, fld.spec.field);
  return { spec, fields, exact, vocab: new Set(fields.flatMap((fld) => fld.words.flat())) };
}

export const COMPILED_KINDS: CompiledKind[] = KINDS.map(compileKind);

/**
 * How well a header label names a field: 100 for an exact alias, else the number of words of
 * the best word set that all appear (so longer, more specific labels win), 0 for no match.
 */
export function fieldScore(field: CompiledField, labelKey: string, words = new Set(labelKey.split(' '))): number {
  if (field.exact.has(labelKey)) return 100;
  let best = 0;
  for (const set of field.words) if (set.every((w) => words.has(w))) best = Math.max(best, set.length);
  return best;
}
