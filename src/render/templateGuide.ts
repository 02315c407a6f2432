// The text of a blank workbook's "Hướng dẫn" sheet: how a district fills it in, in Vietnamese,
// built from the plan (zone words, period, award rule, where to send it). Pure: lines of text.
import type { District, Plan } from '../core/types.js';
import { formatDmy } from '../read/cells.js';

export interface GuideLine {
  text: string;
  style: 'title' | 'heading' | 'body' | 'note';
}

/** "Sở Nội vụ tỉnh Sóc Trăng": the agency and the province as the authority names it ("Ủy ban nhân dân tỉnh Sóc Trăng"). */
export function recipientName(plan: Plan): string {
  const where = plan.province.authority.replace(/^(Ủy|Uỷ) ban nhân dân\s+/iu, '').trim();
  return `${plan.agency.nameFull} ${where && where !== plan.province.authority ? where : `tỉnh ${plan.province.name}`}`;
}

const title = (text: string): GuideLine => ({ text, style: 'title' });
const heading = (text: string): GuideLine => ({ text, style: 'heading' });
const body = (text: string): GuideLine => ({ text, style: 'body' });
const note = (text: string): GuideLine => ({ text, style: 'note' });

export interface GuideFacts {
  plan: Plan;
  district: District;
  lookback: string; // ISO date: the earliest baseline assessment
  sheets: { zones: string; nominations: string; indicators: string; difficulties: string };
}

function zoneLines(f: GuideFacts): GuideLine[] {
  const { plan, sheets } = f;
  const checkpoints = plan.checkpoints.map(formatDmy).join(' và ');
  const lines = [
    heading(`1. Trang "${sheets.zones}"`),
    body(`Mỗi xã, phường, thị trấn đã có sẵn một dòng cho mỗi mốc đánh giá (${checkpoints}). Chỉ cần chọn vùng trong cột "Vùng" và ghi số ca.`),
    body(`Cột "Vùng" chọn một trong các mức sau (bấm vào ô để mở danh sách):`),
    ...plan.zoneScale.zones.map((z) => body(`    • ${z.label}: ${z.level} (cấp ${z.rank})`)),
    body(`Có thêm lần đánh giá trong kỳ thì thêm dòng ở dưới: ghi mã xã, tên xã, ngày đánh giá và vùng.`),
    body(`Ngày ghi theo dạng ngày/tháng/năm, ví dụ ${formatDmy(plan.period.to)}; chỉ nhận ngày từ ${formatDmy(f.lookback)} đến ${formatDmy(plan.period.to)}.`),
    body(`Số ca, dân số: số nguyên, không âm, không ghi chữ (ví dụ 0, 12, 1500).`),
  ];
  if (plan.consistency.greenRequiresNoCommunityCases) {
    lines.push(body(`${plan.zoneScale.zones[0].label} nghĩa là không có ca mắc trong cộng đồng trong ${plan.consistency.caseWindowDays} ngày: khi ghi ${plan.zoneScale.zones[0].label.toLowerCase()}, số ca cộng đồng phải là 0.`));
  }
  return lines;
}

function nominationLines(f: GuideFacts): GuideLine[] {
  const { plan, sheets } = f;
  const forms = plan.awardForms.filter((a) => a.provincial);
  const fallback = plan.awardForms.find((a) => a.isDefault) ?? plan.awardForms[0];
  return [
    heading(`2. Trang "${sheets.nominations}"`),
    body(`Mỗi dòng một tập thể hoặc một cá nhân. Cột "Loại" chọn Tập thể hoặc Cá nhân.`),
    body(`Tập thể được đề nghị: ${plan.collectiveTypes.map((t) => t.label).join('; ')} (ghi tên đầy đủ, ví dụ "UBND xã …").`),
    plan.individualsRewarded ? body(`Cá nhân phải ghi đơn vị công tác ở cột "Đơn vị".`) : note(`Kế hoạch này không khen thưởng cá nhân.`),
    body(`Cột "Tên xã": xã, phường, thị trấn gắn với thành tích (chọn trong danh sách).`),
    body(`Cột "Hình thức khen thưởng": ${forms.map((a) => a.label).join('; ') || fallback.label}; để trống nghĩa là ${fallback.label}.`),
    note(`Chỉ địa phương giữ vững vùng xanh hoặc chuyển sang vùng có mức nguy cơ thấp hơn trong đợt thi đua mới được đề nghị.`),
  ];
}

/** Every line of the guide, in order. */
export function guideLines(f: GuideFacts): GuideLine[] {
  const { plan, district, sheets } = f;
  return [
    title('HƯỚNG DẪN ĐIỀN BIỂU MẪU'),
    body(`Đợt thi đua: ${plan.title}.`),
    body(`Đơn vị báo cáo: UBND ${district.name} (mã ${district.code}).`),
    body(`Kỳ báo cáo: từ ngày ${formatDmy(plan.period.from)} đến ngày ${formatDmy(plan.period.to)}.`),
    note(`Không đổi tên trang, không sửa dòng tiêu đề cột, không sửa mã xã và tên xã đã ghi sẵn.`),
    ...zoneLines(f),
    ...nominationLines(f),
    heading(`3. Trang "${sheets.indicators}"`),
    body(`Các chỉ tiêu của kế hoạch đã ghi sẵn; chỉ ghi số liệu vào cột "Kết quả" (số tiền ghi bằng đồng, ví dụ 15000000).`),
    heading(`4. Trang "${sheets.difficulties}"`),
    body(`Mỗi dòng một khó khăn, vướng mắc hoặc kiến nghị. Không có thì để trống.`),
    heading('Gửi biểu'),
    body(`Lưu tệp dạng .xlsx (không đổi tên tệp) và gửi về ${recipientName(plan)}.`),
    note(`Bên nhận kiểm tra tệp bằng lệnh "thidua validate" và gửi lại danh sách chỗ cần sửa (nếu có).`),
  ];
}
