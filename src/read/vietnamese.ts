// How Vietnamese does a text look? Used to choose between candidate decodings of the same
// bytes (UTF-8, Windows-1258, TCVN3, VNI) and to spot legacy-font cells in workbooks: each
// word outside ASCII scores when it is a well-formed syllable (onset, vowel nucleus, coda,
// at most one tone), more when it is a word every submission uses, and loses when it is not.
import { decodeLegacy, type LegacyEncoding } from './legacy.js';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?';
const NUCLEUS = [
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu', 'uêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo', 'ôô',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'ưa', 'ưi', 'ươ', 'ưu', 'uy', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
].join('|');
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEUS})(?:ch|nh|ng|[cmnpt])?$`);

/** Words that fill every submission: a decoding that yields them is almost surely right. */
const COMMON = new Set(
  ('xã phường huyện thị trấn tỉnh thành phố ngày tháng năm vùng xanh vàng cam đỏ cấp độ nguy cơ cao rất bình thường mới ' +
    'số tên mã đơn vị ghi chú tổng cộng kết quả đề nghị khen thưởng tập thể cá nhân chức vụ tóm tắt thành tích hình thức ' +
    'bằng của chủ tịch ủy ban nhân dân khó khăn kiến chỉ tiêu giá trị dịch ca cách ly phong tỏa đánh giá quyết định ' +
    'báo cáo biểu hợp phân sóc trăng châu kế sách mỹ tú long phú cù lao dung trần đề ngã vĩnh hòa hồ đắc kiện đại hải an lạc ' +
    'người đồng việt nam tuyên truyền vận động hỗ trợ xã hội chỉ đạo phòng chống đoàn viên hội cán bộ công chức lao')
    .split(' '),
);

export function isSyllable(word: string): boolean {
  const lower = word.toLowerCase().normalize('NFD');
  const tones = lower.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(lower.replace(TONES, '').normalize('NFC'));
}

/** Runs of anything but spaces, ASCII punctuation and digits: mojibake marks stay inside words. */
const TOKEN = /[^\s!-@[-`{-~]+/g;

export interface Reading {
  /** +1 per syllable outside ASCII (+0.5 when common), −1 per word that is no syllable */
  score: number;
  /** words outside ASCII that are no Vietnamese syllable */
  invalid: number;
}

export function readingOf(text: string): Reading {
  let score = 0;
  let invalid = 0;
  for (const m of text.normalize('NFC').matchAll(TOKEN)) {
    const w = m[0];
    if (!/[^\x00-\x7f]/.test(w)) continue;
    const lower = w.toLowerCase();
    if (isSyllable(lower)) score += COMMON.has(lower) ? 1.5 : 1;
    else {
      score -= 1;
      invalid++;
    }
  }
  return { score, invalid };
}

export const vietnameseScore = (text: string) => readingOf(text).score;

/** For long texts: windows spread over the whole text, so the verdict is not the first page's. */
export function sampleText(text: string, windows = 64, size = 16_384): string {
  if (text.length <= windows * size) return text;
  const step = Math.floor(text.length / windows);
  let out = '';
  for (let i = 0; i < windows; i++) out += `${text.slice(i * step, i * step + size)}\n`;
  return out;
}

export interface CellVerdict {
  encoding: LegacyEncoding;
  text: string;
}

/** A string that only holds chars U+0000–U+00FF could be legacy bytes shown as Latin-1. */
export function mayBeLegacy(s: string): boolean {
  return /[\u0080-\u00ff]/.test(s) && !/[^\u0000-\u00ff]/.test(s);
}

export interface LegacyScores {
  asIs: Reading;
  tcvn3: Reading & { text: string };
  vni: Reading & { text: string };
}

/** How a cell's text reads as it is, and read as TCVN3 and as VNI. */
export function legacyScores(s: string): LegacyScores {
  const t = decodeLegacy(s, 'tcvn3');
  const v = decodeLegacy(s, 'vni');
  return { asIs: readingOf(s), tcvn3: { text: t, ...readingOf(t) }, vni: { text: v, ...readingOf(v) } };
}
