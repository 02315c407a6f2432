// Section I, the named localities: held green, improved (by transition), became green, worsened, green not held, unchanged, no data.
import type { Paragraph } from 'docx';
import type { CommuneListItem, NoDataReason } from '../../compile/types.js';
import { body, bullet, subheading } from '../../docx/nd30.js';
import type { ReportInput } from '../documentInput.js';
import { COMMUNES_WORD, communeInSentence, districtInSentence, formatNumber, joinVi, upperFirst, zoneBook, type ZoneBook } from './format.js';
import { groupBy } from '../../core/collections.js';

interface Ctx {
  input: ReportInput;
  book: ZoneBook;
  /** Name every commune (false at national scale: counts by district only). */
  names: boolean;
}

interface Group {
  key: string;
  items: CommuneListItem[];
}

/** Groups in first-seen order (the lists come in district, then commune order). */
function grouped(items: CommuneListItem[], key: (c: CommuneListItem) => string): Group[] {
  return [...groupBy(items, key)].map(([k, v]) => ({ key: k, items: v }));
}

const commune = (ctx: Ctx, c: CommuneListItem) => communeInSentence(ctx.input.registry, c.code, c.name);
const district = (ctx: Ctx, code: string, name: string) => districtInSentence(ctx.input.registry, code, name);
const count = (n: number) => `${formatNumber(n)} ${COMMUNES_WORD}`;

/** "- Huyện Kế Sách (2): xã A, xã B." per district. */
function byDistrict(ctx: Ctx, items: CommuneListItem[], note?: (c: CommuneListItem) => string): Paragraph[] {
  return grouped(items, (c) => c.districtCode).map((g) => {
    const head = upperFirst(district(ctx, g.key, g.items[0].districtName));
    const what = ctx.names ? joinVi(g.items.map((c) => commune(ctx, c) + (note ? note(c) : ''))) : `${formatNumber(g.items.length)} đơn vị`;
    return bullet(`${head} (${formatNumber(g.items.length)}): ${what}.`);
  });
}

/** "- Từ vùng cam sang vùng vàng (3): xã A, xã B (huyện Kế Sách); phường 2 (thành phố Sóc Trăng)." */
function byTransition(ctx: Ctx, items: CommuneListItem[]): Paragraph[] {
  const rank = (code: string | null) => (code === null ? 0 : (ctx.book.byCode.get(code)?.rank ?? 0));
  const groups = grouped(items, (c) => `${c.fromZone}>${c.toZone}`).sort(
    (a, b) => rank(b.items[0].fromZone) - rank(a.items[0].fromZone) || rank(a.items[0].toZone) - rank(b.items[0].toZone),
  );
  return groups.map((g) => {
    const { fromZone, toZone } = g.items[0];
    const head = `Từ ${ctx.book.word(fromZone)} sang ${ctx.book.word(toZone)} (${formatNumber(g.items.length)})`;
    const parts = grouped(g.items, (c) => c.districtCode).map((d) => {
      const where = district(ctx, d.key, d.items[0].districtName);
      return ctx.names ? `${joinVi(d.items.map((c) => commune(ctx, c)))} (${where})` : `${where}: ${formatNumber(d.items.length)}`;
    });
    return bullet(`${head}: ${parts.join('; ')}.`);
  });
}

/** "a) Giữ vững vùng xanh …: 45 xã, phường, thị trấn, gồm:" then its bullets, or "…: không có." */
function listBlock(label: string, items: CommuneListItem[], bullets: () => Paragraph[]): Paragraph[] {
  if (items.length === 0) return [body(`${label}: không có.`)];
  return [body(`${label}: ${count(items.length)}, gồm:`), ...bullets()];
}

function reasonText(reason: NoDataReason | null): string {
  if (!reason) return '';
  if (reason.cause === 'rows-with-errors') return ' (dòng số liệu có lỗi)';
  if (reason.cause === 'district-not-submitted') return ' (đơn vị chưa gửi báo cáo)';
  if (reason.cause === 'no-data-sheets') return ' (đơn vị gửi văn bản nhưng chưa gửi biểu số liệu)';
  const which = { start: 'đầu kỳ', end: 'cuối kỳ', both: 'đầu kỳ và cuối kỳ' }[reason.missing];
  return ` (không có đánh giá ${which})`;
}

/** No data: a district that sent nothing is one line; otherwise each commune with its reason. */
function noDataBullets(ctx: Ctx, items: CommuneListItem[]): Paragraph[] {
  const notSubmitted = new Set(ctx.input.results.submissions.notSubmitted);
  const documentsOnly = new Set(ctx.input.results.submissions.documentsOnly ?? []);
  return grouped(items, (c) => c.districtCode).flatMap((g) => {
    const head = upperFirst(district(ctx, g.key, g.items[0].districtName));
    if (notSubmitted.has(g.key)) return [bullet(`${head}: ${count(g.items.length)} (đơn vị chưa gửi báo cáo).`)];
    if (documentsOnly.has(g.key)) return [bullet(`${head}: ${count(g.items.length)} (đơn vị gửi văn bản nhưng chưa gửi biểu số liệu).`)];
    return byDistrict(ctx, g.items, (c) => reasonText(c.reason));
  });
}

function unchangedSentence(ctx: Ctx): Paragraph[] {
  const unchanged = ctx.input.results.communes.filter((c) => c.category === 'unchanged');
  const label = `c) Không thay đổi vùng (không thuộc ${ctx.book.word(ctx.book.green.code)})`;
  if (unchanged.length === 0) return [body(`${label}: không có.`)];
  const byZone = ctx.book.zones
    .map((z) => ({ z, n: unchanged.filter((c) => c.end?.zone === z.code).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${ctx.book.word(x.z.code)} ${formatNumber(x.n)}`);
  return [body(`${label}: ${count(unchanged.length)} (${byZone.join(', ')}).`)];
}

/** Subsections 3–5 of section I. `names` false lists counts by district instead of every commune. */
export function localityLists(input: ReportInput, names = true): Paragraph[] {
  const ctx: Ctx = { input, book: zoneBook(input.plan), names };
  const l = input.results.lists;
  const green = ctx.book.word(ctx.book.green.code);
  return [
    subheading(`3. Các địa phương giữ vững ${green}, chuyển sang vùng có nguy cơ thấp hơn`),
    ...listBlock(`a) Giữ vững ${green} trong suốt đợt thi đua`, l.heldGreen, () => byDistrict(ctx, l.heldGreen)),
    ...listBlock('b) Chuyển sang vùng có nguy cơ thấp hơn', l.improved, () => byTransition(ctx, l.improved)),
    ...listBlock(`c) Trong đó, chuyển sang ${green}`, l.becameGreen, () => byDistrict(ctx, l.becameGreen)),
    subheading(`4. Các địa phương chưa giữ vững ${green}, chuyển sang vùng có nguy cơ cao hơn`),
    ...listBlock('a) Chuyển sang vùng có nguy cơ cao hơn', l.worsened, () => byTransition(ctx, l.worsened)),
    ...listBlock(
      `b) Đầu kỳ và cuối kỳ thuộc ${green} nhưng trong kỳ có thời điểm ra khỏi ${green} (chưa giữ vững ${green})`,
      l.greenNotHeld,
      () => byDistrict(ctx, l.greenNotHeld),
    ),
    ...unchangedSentence(ctx),
    subheading('5. Các địa phương chưa có số liệu'),
    ...listBlock(`${upperFirst(COMMUNES_WORD)} chưa xác định được vùng`, l.noData, () => noDataBullets(ctx, l.noData)),
  ];
}
