// The Tờ trình itself (portrait): header block, "TỜ TRÌNH" and its summary, Kính gửi, the legal
// bases in italic, the campaign and its results, the request with the counts from the
// shortlist, "Kính trình …./.", Nơi nhận and the signature.
import type { Paragraph, Table } from 'docx';
import { body, docTitle, endMark, headerBlock, italicBody, kinhGui, recipientsAndSignature } from '../../docx/nd30.js';
import { COMMUNES_WORD, DISTRICTS_WORD, districtInSentence, formatNumber, joinVi, lowerFirst, periodText, shortDate } from '../report/format.js';
import { provinceBody, whoCount, type ProposalInput } from './words.js';
import { letterBonusParagraph } from './bonusText.js';

/** The summary line under "TỜ TRÌNH" and under "DANH SÁCH". */
export function proposalSummary(input: Pick<ProposalInput, 'plan'>): string {
  const form = input.plan.awardForms.find((f) => f.isDefault) ?? input.plan.awardForms[0];
  return `Về việc đề nghị tặng ${form?.fullLabel ?? 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh'}`;
}

/** "vùng xanh": the lowest-risk zone of the plan's scale, for sentences. */
function greenWord(input: ProposalInput): string {
  const green = [...input.plan.zoneScale.zones].sort((a, b) => a.rank - b.rank)[0];
  return green ? lowerFirst(green.label) : 'vùng xanh';
}

/** "45 xã, phường, thị trấn giữ vững vùng xanh và 12 … chuyển sang vùng nguy cơ thấp hơn (…)". */
function resultClauses(input: ProposalInput): string {
  const c = input.results.province.categories;
  const green = greenWord(input);
  const clauses: string[] = [];
  if (c['held-green'] > 0) clauses.push(`${formatNumber(c['held-green'])} ${COMMUNES_WORD} giữ vững ${green}`);
  if (c.improved > 0) {
    const became = c.becameGreen > 0 ? ` (trong đó ${formatNumber(c.becameGreen)} đơn vị chuyển sang ${green})` : '';
    clauses.push(`${formatNumber(c.improved)} ${COMMUNES_WORD} chuyển sang vùng nguy cơ thấp hơn${became}`);
  }
  if (clauses.length === 0) return `chưa có ${COMMUNES_WORD} nào giữ vững ${green} hoặc chuyển sang vùng nguy cơ thấp hơn`;
  return joinVi(clauses);
}

/** The campaign, the period, and the figures the shortlist rests on, counted from the results. */
export function campaignParagraph(input: ProposalInput): string {
  const { plan, results } = input;
  const s = results.submissions;
  const total = results.province.communeCount;
  const districts = results.districts.filter((d) => d.awardQualifies).map((d) => districtInSentence(input.registry, d.code, d.name));
  const districtClause =
    districts.length > 0
      ? `; ${joinVi(districts)} có tất cả ${COMMUNES_WORD} (có số liệu) giữ vững ${greenWord(input)} hoặc chuyển sang vùng nguy cơ thấp hơn`
      : '';
  return (
    `Thực hiện ${plan.planDocument} (sau đây gọi là Kế hoạch), đợt thi đua được triển khai ${periodText(results.period)}. ` +
    `Theo báo cáo của Ủy ban nhân dân ${formatNumber(s.submitted.length)}/${formatNumber(results.province.districtCount)} ` +
    `${DISTRICTS_WORD}, đến ngày ${shortDate(results.period.to)}, trong tổng số ${formatNumber(total)} ${COMMUNES_WORD} ` +
    `của tỉnh có ${resultClauses(input)}${districtClause}.`
  );
}

/** How the list was drawn up: the plan's rule, applied to the results and the districts' nominations. */
function reviewParagraph(input: ProposalInput): string {
  const { plan } = input;
  return (
    `Căn cứ kết quả trên và đề nghị của Ủy ban nhân dân các ${DISTRICTS_WORD}, ${plan.agency.nameFull} đã rà soát, ` +
    `lựa chọn các tập thể, cá nhân có thành tích xuất sắc, góp phần giúp địa phương giữ vững ${greenWord(input)} ` +
    `hoặc chuyển từ vùng nguy cơ cao hơn sang vùng nguy cơ thấp hơn theo quy định của Kế hoạch.`
  );
}

/** "Sở Nội vụ kính trình … tặng Bằng khen cho 34 tập thể và 21 cá nhân … (có danh sách kèm theo)." */
export function requestSentence(input: ProposalInput): string {
  const { plan, shortlist } = input;
  const authority = provinceBody(plan);
  const form = plan.awardForms.find((f) => f.isDefault) ?? plan.awardForms[0];
  const award = form?.fullLabel.replace(/^(.*?)\s+của\s+.*$/i, '$1') ?? 'Bằng khen';
  const who = whoCount(shortlist.collectives.length, shortlist.individuals.length);
  const campaign = lowerFirst(plan.title);
  if (who === '') {
    return (
      `Qua rà soát, chưa có tập thể, cá nhân nào đủ điều kiện đề nghị khen thưởng trong ${campaign}; ` +
      `${plan.agency.nameFull} kính báo cáo ${authority} biết.`
    );
  }
  return (
    `${plan.agency.nameFull} kính trình ${authority} xem xét, trình Chủ tịch ${authority} tặng ${award} cho ${who} ` +
    `đã có thành tích xuất sắc trong ${campaign} (có danh sách kèm theo).`
  );
}

/** The portrait section's children, from the header block to the signature. */
export function letter(input: ProposalInput): (Paragraph | Table)[] {
  const { plan, meta } = input;
  const authority = provinceBody(plan);
  return [
    headerBlock({
      agency: plan.agency,
      docNumber: meta.number,
      suffix: plan.agency.proposalSuffix,
      date: meta.date,
      fallbackYear: meta.fallbackYear,
    }),
    ...docTitle('TỜ TRÌNH', proposalSummary(input)),
    kinhGui(`${plan.province.authority.trim().replace(/\.$/, '')}.`),
    ...plan.legalBases.map((b) => italicBody(b)),
    body(campaignParagraph(input)),
    body(reviewParagraph(input)),
    body(requestSentence(input)),
    ...[letterBonusParagraph(input)].filter((t): t is string => t !== null).map((t) => body(t)),
    endMark(`Kính trình ${authority} xem xét, quyết định`),
    recipientsAndSignature({ recipients: plan.recipients.proposal, signer: meta.signer }),
  ];
}
