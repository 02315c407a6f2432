// The streaming edit of one worksheet's XML: the offending cells get their new style index (a
// clone of their own style with the fill), cells that are absent get an empty styled cell in
// column order, the selected-tab flag follows the sheet that opens, and the comments' drawing
// is referred to. Everything else passes through as it was, chunk by chunk.
import { columnLetter } from '../../read/cells.js';

/** 1-based column number of "AB12"'s letters; 0 when there are none. */
export function columnNumber(addr: string): number {
  let n = 0;
  for (const ch of addr.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** 1 → "A" (read/cells.ts's columnLetter is 0-based). */
export const columnLetters = (n: number): string => columnLetter(n - 1);

export interface SheetEditPlan {
  /** row → column → new style index */
  cells: Map<number, Map<number, number>>;
  /** original style index of each offending cell, filled while streaming ("R:C" → s) */
  seenStyles: Map<string, number>;
  /** decides the new style for a cell given its original style */
  styleFor: (row: number, col: number, original: number) => number;
  /** true for the sheet the workbook opens on */
  selected: boolean;
  /** the relationship id of the comments' VML drawing to refer to, when the sheet gets one */
  legacyDrawingRid: string | null;
}

const attr = (tag: string, name: string): string | null => {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return null;
  const start = at + name.length + 3;
  const end = tag.indexOf('"', start);
  return end < 0 ? null : tag.slice(start, end);
};

function setAttr(tag: string, name: string, value: string): string {
  const old = attr(tag, name);
  if (old !== null) return tag.replace(` ${name}="${old}"`, ` ${name}="${value}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${value}"${tag.slice(close)}`;
}

/** Elements that must follow <legacyDrawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/**
 * A stateful editor: feed it chunks of the sheet's XML, get the edited text back. Tags are found
 * with indexOf (linear, no backtracking), and a tag cut by a chunk boundary waits for the next.
 */
export function sheetEditor(plan: SheetEditPlan, prefix: string) {
  let carry = '';
  let row = 0;
  let col = 0;
  let rowOpen = false;
  let afterSheetData = false;
  let drawingDone = plan.legacyDrawingRid === null;
  const pendingRows = [...plan.cells.keys()].sort((a, b) => a - b);
  let pendingCols: number[] = [];
  const p = prefix;
  const name = (tag: string) => {
    let i = tag[1] === '/' ? 2 : 1;
    while (i < tag.length && !' />\t\r\n'.includes(tag[i])) i++;
    return tag.slice(1, i);
  };
  const emptyCell = (r: number, c: number) => {
    plan.seenStyles.set(`${r}:${c}`, 0);
    return `<${p}c r="${columnLetters(c)}${r}" s="${plan.styleFor(r, c, 0)}"/>`;
  };
  const cellsBefore = (limit: number) => {
    let out = '';
    while (pendingCols.length > 0 && pendingCols[0] < limit) out += emptyCell(row, pendingCols.shift()!);
    return out;
  };
  const rowsBefore = (limit: number) => {
    let out = '';
    while (pendingRows.length > 0 && pendingRows[0] < limit) {
      const r = pendingRows.shift()!;
      const cols = [...plan.cells.get(r)!.keys()].sort((a, b) => a - b);
      out += `<${p}row r="${r}">${cols.map((c) => emptyCell(r, c)).join('')}</${p}row>`;
    }
    return out;
  };
  const legacy = () => {
    if (drawingDone) return '';
    drawingDone = true;
    return `<${p}legacyDrawing r:id="${plan.legacyDrawingRid}"/>`;
  };

  function onTag(tag: string): string {
    const n = name(tag);
    if (n === `${p}row`) {
      const r = Number(attr(tag, 'r')) || row + 1;
      const before = rowsBefore(r);
      row = r;
      col = 0;
      if (pendingRows[0] === r) {
        pendingRows.shift();
        pendingCols = [...plan.cells.get(r)!.keys()].sort((a, b) => a - b);
      } else pendingCols = [];
      if (tag.endsWith('/>') && pendingCols.length > 0) return `${before}${tag.slice(0, -2)}>${cellsBefore(Infinity)}</${p}row>`;
      rowOpen = !tag.endsWith('/>');
      return before + tag;
    }
    if (n === `${p}c` && rowOpen) {
      const ref = attr(tag, 'r');
      col = ref ? columnNumber(ref) : col + 1;
      let out = cellsBefore(col);
      const target = plan.cells.get(row)?.get(col);
      if (target !== undefined && pendingCols[0] === col) {
        pendingCols.shift();
        const original = Number(attr(tag, 's') ?? 0) || 0;
        plan.seenStyles.set(`${row}:${col}`, original);
        out += setAttr(tag, 's', String(plan.styleFor(row, col, original)));
        return out;
      }
      return out + tag;
    }
    if (n === `/${p}row`) {
      rowOpen = false;
      return cellsBefore(Infinity) + tag;
    }
    if (n === `${p}sheetData`) {
      if (tag.endsWith('/>')) {
        afterSheetData = true;
        return `<${p}sheetData>${rowsBefore(Infinity)}</${p}sheetData>`;
      }
      return tag;
    }
    if (n === `/${p}sheetData`) {
      afterSheetData = true;
      return rowsBefore(Infinity) + tag;
    }
    if (n === `${p}sheetView`) {
      const withoutFlag = attr(tag, 'tabSelected') !== null ? tag.replace(` tabSelected="${attr(tag, 'tabSelected')}"`, '') : tag;
      return plan.selected ? setAttr(withoutFlag, 'tabSelected', '1') : withoutFlag;
    }
    if (afterSheetData && (AFTER_LEGACY.some((a) => n === `${p}${a}`) || n === `/${p}worksheet`)) return legacy() + tag;
    return tag;
  }

  return {
    write(chunk: string): string {
      const text = carry + chunk;
      let out = '';
      let i = 0;
      for (;;) {
        const lt = text.indexOf('<', i);
        if (lt < 0) {
          out += text.slice(i);
          carry = '';
          return out;
        }
        const gt = text.indexOf('>', lt);
        if (gt < 0) {
          out += text.slice(i, lt);
          carry = text.slice(lt);
          return out;
        }
        out += text.slice(i, lt) + onTag(text.slice(lt, gt + 1));
        i = gt + 1;
      }
    },
    end(): string {
      return carry;
    },
  };
}

/** The namespace prefix a part's root element uses ("" or "x:"). */
export function rootPrefix(head: string, local: string): string {
  let i = 0;
  for (;;) {
    const lt = head.indexOf('<', i);
    if (lt < 0) return '';
    const c = head[lt + 1];
    if (c !== '?' && c !== '!') {
      const end = head.indexOf(local, lt);
      const tagName = head.slice(lt + 1, end);
      return end > lt && /^[A-Za-z_][\w.-]*:$/.test(tagName) ? tagName : '';
    }
    i = lt + 1;
  }
}
