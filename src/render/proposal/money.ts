// Sums of money as a decision writes them: "132.590.000 đồng" and, in words, "Một trăm ba
// mươi hai triệu năm trăm chín mươi nghìn đồng" (mốt, lăm, linh, "không trăm" inside a number).
import { formatNumber } from '../report/format.js';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUPS = ['', ' nghìn', ' triệu', ' tỷ'];

/** "1.490.000 đồng" */
export const dong = (amount: number): string => `${formatNumber(amount)} đồng`;

/** Words of 0–999; `inner` says a higher group came before, so "không trăm", "linh" are spoken. */
function hundreds(n: number, inner: boolean): string {
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const words: string[] = [];
  if (h > 0 || inner) words.push(`${DIGITS[h]} trăm`);
  if (t === 0 && u > 0 && words.length > 0) words.push('linh');
  if (t === 1) words.push('mười');
  if (t > 1) words.push(`${DIGITS[t]} mươi`);
  if (u === 1 && t > 1) words.push('mốt');
  else if (u === 5 && t > 0) words.push('lăm');
  else if (u > 0) words.push(DIGITS[u]);
  return words.join(' ');
}

/** Whole đồng in words, capitalised, ending "đồng"; groups of thousands up to tỷ, tỷ repeating above. */
export function moneyWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`Not a whole amount of đồng: ${amount}`);
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue;
    const inner = parts.length > 0;
    const tyRepeats = Math.floor(i / 3); // above 999 tỷ: "nghìn tỷ"
    const unit = i % 3 === 0 && i > 0 ? ' tỷ'.repeat(tyRepeats) : `${GROUPS[i % 3]}${' tỷ'.repeat(tyRepeats)}`;
    parts.push(`${hundreds(groups[i], inner)}${unit}`);
  }
  const text = `${parts.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
