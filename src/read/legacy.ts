// The legacy Vietnamese 8-bit encodings still met in offices: TCVN3 (ABC, fonts .VnTime /
// .VnTimeH) and VNI-Windows (fonts VNI-Times…). Tables are data, built from the standard
// charts (TCVN 5712:1993 VN3; VNI's base letter + mark bytes), for the 134 letters of
// Vietnamese beyond ASCII. Text is handled as "byte strings": one char per byte (latin1),
// which is also how such text shows in an .xlsx cell typed with a legacy font.

/** The vowels that carry tones, and the five tones in the order of the tables below. */
export const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // huyền, sắc, hỏi, ngã, nặng

/** The vowel with a tone (0 = none, 1..5 as TONE_MARKS), as one NFC letter. */
export function toned(vowel: string, tone: number): string {
  return tone === 0 ? vowel : (vowel + TONE_MARKS[tone - 1]).normalize('NFC');
}

/** The 67 lower-case letters outside ASCII (60 toned vowels, ă â ê ô ơ ư, đ); upper case gives the other 67. */
export const LETTERS: string[] = [
  ...VOWELS.flatMap((v) => [1, 2, 3, 4, 5].map((t) => toned(v, t))),
  'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ',
];

// TCVN3: one byte per lower-case letter; per vowel [untoned (0 = ASCII), huyền, sắc, hỏi, ngã, nặng].
const TCVN3_VOWELS: Record<(typeof VOWELS)[number], number[]> = {
  a: [0, 0xb5, 0xb8, 0xb6, 0xb7, 0xb9],
  ă: [0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6],
  â: [0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb],
  e: [0, 0xcc, 0xd0, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6],
  i: [0, 0xd7, 0xdd, 0xd8, 0xdc, 0xde],
  o: [0, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xea, 0xed, 0xeb, 0xec, 0xee],
  u: [0, 0xef, 0xf3, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9],
  y: [0, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe],
};
/** The only upper-case letters TCVN3 has beyond ASCII; toned capitals reuse the lower-case bytes. */
const TCVN3_UPPER: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7 };

// VNI-Windows: a base letter followed by a mark byte. Lower/upper mark bytes for each tone
// (after a, e, o, u, y, ơ, ư), for circumflex + tone (â ê ô) and breve + tone (ă).
const VNI_TONE = { lower: [0xf8, 0xf9, 0xfb, 0xf5, 0xef], upper: [0xd8, 0xd9, 0xdb, 0xd5, 0xcf] };
const VNI_CIRCUMFLEX = { lower: [0xe2, 0xe0, 0xe1, 0xe5, 0xe3, 0xe4], upper: [0xc2, 0xc0, 0xc1, 0xc5, 0xc3, 0xc4] };
const VNI_BREVE = { lower: [0xea, 0xe8, 0xe9, 0xfa, 0xfc, 0xeb], upper: [0xca, 0xc8, 0xc9, 0xda, 0xdc, 0xcb] };
/** Letters VNI writes as one byte: ơ ư đ, the toned i, and ỵ. */
const VNI_SINGLE = {
  lower: { ơ: 0xf4, ư: 0xf6, đ: 0xf1, ì: 0xec, í: 0xed, ỉ: 0xe6, ĩ: 0xf3, ị: 0xf2, ỵ: 0xee } as Record<string, number>,
  upper: { Ơ: 0xd4, Ư: 0xd6, Đ: 0xd1, Ì: 0xcc, Í: 0xcd, Ỉ: 0xc6, Ĩ: 0xd3, Ị: 0xd2, Ỵ: 0xce } as Record<string, number>,
};

const chr = (...codes: number[]) => String.fromCharCode(...codes);

function buildTcvn3(): { decode: Map<string, string>; encode: Map<string, string> } {
  const decode = new Map<string, string>();
  const encode = new Map<string, string>();
  for (const v of VOWELS) {
    TCVN3_VOWELS[v].forEach((byte, tone) => {
      if (byte === 0) return;
      const letter = toned(v, tone);
      decode.set(chr(byte), letter);
      encode.set(letter, chr(byte));
      encode.set(letter.toUpperCase(), chr(byte)); // as .VnTimeH does: the same byte, a capital glyph
    });
  }
  decode.set(chr(0xae), 'đ');
  encode.set('đ', chr(0xae));
  for (const [letter, byte] of Object.entries(TCVN3_UPPER)) {
    decode.set(chr(byte), letter);
    encode.set(letter, chr(byte));
  }
  return { decode, encode };
}

/** VNI spelling of one letter (lower or upper case). */
function vniSpelling(v: string, tone: number, c: 'lower' | 'upper'): string {
  const letter = c === 'upper' ? toned(v, tone).toUpperCase() : toned(v, tone);
  const single = VNI_SINGLE[c][letter];
  if (single !== undefined) return chr(single);
  const base = (ch: string) => (c === 'upper' ? ch.toUpperCase() : ch);
  if (v === 'â' || v === 'ê' || v === 'ô') return base(v === 'â' ? 'a' : v === 'ê' ? 'e' : 'o') + chr(VNI_CIRCUMFLEX[c][tone]);
  if (v === 'ă') return base('a') + chr(VNI_BREVE[c][tone]);
  const head = v === 'ơ' ? chr(VNI_SINGLE[c][base('ơ')]) : v === 'ư' ? chr(VNI_SINGLE[c][base('ư')]) : base(v);
  return tone === 0 ? head : head + chr(VNI_TONE[c][tone - 1]);
}

function buildVni(): { decode: Map<string, string>; encode: Map<string, string> } {
  const decode = new Map<string, string>();
  const encode = new Map<string, string>();
  for (const c of ['lower', 'upper'] as const) {
    for (const v of VOWELS) {
      for (let tone = 0; tone <= 5; tone++) {
        const letter = c === 'upper' ? toned(v, tone).toUpperCase() : toned(v, tone);
        const spelled = vniSpelling(v, tone, c);
        if (spelled === letter) continue; // plain ASCII vowel
        encode.set(letter, spelled);
        decode.set(spelled, letter);
      }
    }
    const d = c === 'upper' ? 'Đ' : 'đ';
    encode.set(d, chr(VNI_SINGLE[c][d]));
    decode.set(chr(VNI_SINGLE[c][d]), d);
  }
  // Caps Lock and Shift mix cases: "Aù" is Á, "aÙ" is á.
  for (const [spelled, letter] of [...decode]) {
    if (spelled.length !== 2) continue;
    const [b, m] = spelled;
    const other = b === b.toUpperCase() ? b.toLowerCase() : b.toUpperCase();
    if (!decode.has(other + m)) decode.set(other + m, other === other.toUpperCase() ? letter.toUpperCase() : letter.toLowerCase());
  }
  return { decode, encode };
}

const TCVN3 = buildTcvn3();
const VNI = buildVni();

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Byte string (one char per byte) → Unicode NFC, TCVN3. Words typed in capitals get their toned letters capitalised too. */
export function decodeTcvn3(bytes: string): string {
  let out = '';
  for (const ch of bytes) out += TCVN3.decode.get(ch) ?? ch;
  return repairCapitals(out);
}

/** Byte string → Unicode NFC, VNI: a base letter and its mark byte become one letter. */
export function decodeVni(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const pair = VNI.decode.get(bytes.slice(i, i + 2));
    if (pair !== undefined && i + 1 < bytes.length) {
      out += pair;
      i++;
      continue;
    }
    out += VNI.decode.get(bytes[i]) ?? bytes[i];
  }
  return out;
}

export function decodeLegacy(bytes: string, enc: LegacyEncoding): string {
  return enc === 'tcvn3' ? decodeTcvn3(bytes) : decodeVni(bytes);
}

/** Unicode → byte string in a legacy encoding (for tests and fixtures); letters it cannot write stay as they are. */
export function encodeLegacy(text: string, enc: LegacyEncoding): string {
  const table = enc === 'tcvn3' ? TCVN3.encode : VNI.encode;
  let out = '';
  for (const ch of text.normalize('NFC')) out += table.get(ch) ?? ch;
  return out;
}

/** The bytes of a legacy-encoded text, e.g. to write a fixture file. */
export function legacyBytes(text: string, enc: LegacyEncoding): Buffer {
  return Buffer.from(encodeLegacy(text, enc), 'latin1');
}

const WORD = /\p{L}+/gu;

/** Plain (ASCII) letters of a word: all capitals, how many. */
function capitals(w: string): { all: boolean; count: number } {
  const plain = w.replace(/[^A-Za-z]/g, '');
  return { all: plain.length > 0 && plain === plain.toUpperCase(), count: plain.length };
}

/**
 * TCVN3 has no toned capitals: "VÀNG" typed in .VnTimeH is stored as "VàNG". A word whose
 * plain letters are all capitals (at least two) is a capitalised word; so is a word with one
 * capital ("Kế") next to such a word ("KẾ SÁCH" in "HUYỆN KẾ SÁCH").
 */
export function repairCapitals(text: string): string {
  const words = [...text.matchAll(WORD)];
  if (words.length === 0) return text;
  const shout = words.map((m) => {
    const c = capitals(m[0]);
    return c.all && c.count >= 2;
  });
  let out = '';
  let last = 0;
  words.forEach((m, i) => {
    const w = m[0];
    const c = capitals(w);
    const loud = c.all && (shout[i] || (c.count === 1 && (shout[i - 1] || shout[i + 1])));
    out += text.slice(last, m.index) + (loud && /[^\x00-\x7f]/.test(w) ? w.toUpperCase() : w);
    last = m.index! + w.length;
  });
  return out + text.slice(last);
}
