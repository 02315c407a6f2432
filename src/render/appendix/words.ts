// The Vietnamese words of the appendix workbook: a commune's result written out, its category,
// the reason it has no data, and a district's 2686 level. Zone names come from the plan.
import type { Zone } from '../../core/types.js';
import type { Category, CommuneResult, DistrictLevel, NoDataReason } from '../../compile/types.js';

export const CATEGORY_VI: Record<Category, string> = {
  'held-green': 'Giữ vững vùng xanh',
  improved: 'Chuyển sang vùng nguy cơ thấp hơn',
  worsened: 'Chuyển sang vùng nguy cơ cao hơn',
  'green-not-held': 'Vùng xanh nhưng không giữ vững trong kỳ',
  unchanged: 'Không thay đổi',
  'no-data': 'Chưa có số liệu',
};

const CAUSE_VI: Record<NoDataReason['cause'], string> = {
  'district-not-submitted': 'huyện chưa gửi báo cáo',
  'no-data-sheets': 'huyện gửi văn bản nhưng chưa gửi biểu số liệu',
  'rows-with-errors': 'số liệu có lỗi, không được tính',
  'not-reported': 'không có đánh giá',
};

const MISSING_VI: Record<NoDataReason['missing'], string> = {
  start: 'thiếu vùng đầu kỳ',
  end: 'thiếu vùng cuối kỳ',
  both: 'thiếu vùng đầu kỳ và cuối kỳ',
};

/** "huyện chưa gửi báo cáo" / "không có đánh giá, thiếu vùng cuối kỳ". */
export function reasonText(reason: NoDataReason | null): string {
  if (!reason) return 'không rõ lý do';
  if (reason.cause === 'district-not-submitted' || reason.cause === 'no-data-sheets') return CAUSE_VI[reason.cause];
  return `${CAUSE_VI[reason.cause]}, ${MISSING_VI[reason.missing]}`;
}

/** "vùng cam" from the plan's label "Vùng cam", for use inside a sentence. */
const inSentence = (zone: Zone | undefined, code: string | null) => (zone ? zone.label.charAt(0).toLowerCase() + zone.label.slice(1) : code ?? '?');

/** The result column: "Giữ vững vùng xanh", "Chuyển từ vùng cam sang vùng vàng", "Chưa có số liệu (…)". */
export function resultText(c: CommuneResult, zones: Map<string, Zone>): string {
  switch (c.category) {
    case 'improved':
    case 'worsened':
      return `Chuyển từ ${inSentence(zones.get(c.fromZone ?? ''), c.fromZone)} sang ${inSentence(zones.get(c.toZone ?? ''), c.toZone)}`;
    case 'unchanged':
      return `Giữ nguyên ${inSentence(zones.get(c.end?.zone ?? ''), c.end?.zone ?? null)}`;
    case 'no-data':
      return `Chưa có số liệu (${reasonText(c.reason)})`;
    default:
      return CATEGORY_VI[c.category];
  }
}

/** "Cấp 2 - Nguy cơ" (QĐ 2686, for reference). */
export const levelText = (level: DistrictLevel | null) => (level ? `Cấp ${level.rank} - ${level.level}` : null);

/** "tỉnh Sóc Trăng" from the plan's authority "Ủy ban nhân dân tỉnh Sóc Trăng". */
export function provinceWords(province: { name: string; authority: string }): string {
  const m = /^(?:ủy|uỷ) ban nhân dân\s+(.+)$/iu.exec(province.authority.normalize('NFC'));
  return m ? m[1] : `tỉnh ${province.name}`;
}
