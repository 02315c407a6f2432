// The report's opening: header block, title, the paragraph citing the plan, and what Sở Nội vụ has received.
import { basename } from 'node:path';
import type { Paragraph, Table } from 'docx';
import { body, docTitle, headerBlock } from '../../docx/nd30.js';
import type { ReportInput } from '../documentInput.js';
import { COMMUNES_WORD, DISTRICTS_WORD, communeInSentence, districtInSentence, formatNumber, joinVi, periodText } from './format.js';

/** The summary line under "BÁO CÁO", in two lines: the campaign, then the period. */
export function summaryLines(input: ReportInput): string[] {
  return [`Kết quả ${input.plan.shortTitle}`, `(${periodText(input.results.period)})`];
}

export function opening(input: ReportInput): (Paragraph | Table)[] {
  const { plan, meta } = input;
  return [
    headerBlock({
      agency: plan.agency,
      docNumber: meta.number,
      suffix: plan.agency.reportSuffix,
      date: meta.date,
      fallbackYear: meta.fallbackYear,
    }),
    ...docTitle('BÁO CÁO', summaryLines(input)),
    body(planParagraph(input)),
  ];
}

/** Which plan, what Sở Nội vụ was asked to do (the plan's section V.4), and what follows. */
function planParagraph(input: ReportInput): string {
  const { plan, results } = input;
  const agency = plan.agency.nameFull;
  const authority = plan.province.authority.replace(/\s+tỉnh\s+.*$/i, ' tỉnh');
  return (
    `Thực hiện ${plan.planDocument} (sau đây gọi là Kế hoạch), trong đó ${agency} có trách nhiệm hướng dẫn, ` +
    `đôn đốc, kiểm tra việc triển khai thực hiện Kế hoạch, tổng hợp, báo cáo ${authority} xem xét, giải quyết; ` +
    `trên cơ sở báo cáo của Ủy ban nhân dân các ${DISTRICTS_WORD}, ${agency} báo cáo kết quả ${plan.shortTitle} ` +
    `(${periodText(results.period)}) như sau:`
  );
}

/**
 * "Sở Nội vụ đã nhận báo cáo của 10/11 huyện, thị xã, thành phố; còn huyện Trần Đề chưa gửi báo cáo."
 * A district that sent only a Word or PDF document has not gone silent: it is said to have sent a
 * document without the data sheets.
 */
export function receivedSentence(input: ReportInput): string {
  const { results, registry, plan } = input;
  const s = results.submissions;
  const documentsOnly = s.documentsOnly ?? [];
  const total = results.province.districtCount;
  const got = `${plan.agency.nameFull} đã nhận báo cáo của ${s.submitted.length}/${total} ${DISTRICTS_WORD}`;
  if (s.notSubmitted.length === 0 && documentsOnly.length === 0) return `Tính đến ngày tổng hợp, ${got}.`;
  const parts: string[] = [];
  if (s.notSubmitted.length > 0) parts.push(`còn ${joinVi(s.notSubmitted.map((c) => districtInSentence(registry, c)))} chưa gửi báo cáo`);
  if (documentsOnly.length > 0) {
    const sent = documentsOnly.map((c) => {
      const files = results.districts.find((d) => d.code === c)?.submission.documents ?? [];
      return `${districtInSentence(registry, c)} (${files.map((f) => basename(f)).join(', ')})`;
    });
    parts.push(`${joinVi(sent)} đã gửi văn bản nhưng chưa gửi biểu số liệu`);
  }
  const without = [...s.notSubmitted, ...documentsOnly];
  return (
    `Tính đến ngày tổng hợp, ${got}; ${parts.join('; ')}, ` +
    `nên ${formatNumber(communesOf(input, without))} ${COMMUNES_WORD} thuộc ${without.length === 1 ? 'đơn vị' : 'các đơn vị'} này chưa có số liệu.`
  );
}

function communesOf(input: ReportInput, districtCodes: string[]): number {
  const set = new Set(districtCodes);
  return input.results.communes.filter((c) => set.has(c.districtCode)).length;
}

/** One sentence per district whose submission had errors: how many, and which communes lost their status. */
export function errorSentences(input: ReportInput): string[] {
  const { results, registry } = input;
  return results.submissions.withErrors.map((w) => {
    const name = districtInSentence(registry, w.districtCode);
    const errors = `Báo cáo của ${name} có ${formatNumber(w.errorCount)} lỗi dữ liệu`;
    if (w.communesWithoutStatus.length === 0) return `${errors}; các dòng có lỗi không được đưa vào số liệu tổng hợp.`;
    const communes = joinVi(w.communesWithoutStatus.map((c) => communeInSentence(registry, c)));
    return (
      `${errors}; các dòng có lỗi không được đưa vào số liệu tổng hợp, do đó ` +
      `${formatNumber(w.communesWithoutStatus.length)} ${COMMUNES_WORD} chưa xác định được vùng: ${communes}.`
    );
  });
}

/** The paragraphs on what was received, before section I. */
export function received(input: ReportInput): Paragraph[] {
  const paragraphs = [body(receivedSentence(input)), ...errorSentences(input).map((s) => body(s))];
  if (input.results.submissions.withErrors.length > 0) {
    paragraphs.push(
      body(
        `Số liệu dưới đây chỉ tổng hợp từ các dòng hợp lệ; đề nghị các đơn vị có lỗi kiểm tra, bổ sung để hoàn thiện số liệu.`,
      ),
    );
  }
  return paragraphs;
}
