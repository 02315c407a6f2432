// The streaming sheet editor on hand-written XML, fed in small chunks so tags are cut across
// chunk boundaries: offending cells restyled, absent cells and rows inserted in order, the
// selected-tab flag moved, the notes' drawing referred to before the elements that follow it.
import { describe, expect, it } from 'vitest';
import { sheetEditor } from '../../src/render/annotate/sheetEdit.js';

function edit(xml: string, cells: [number, number][], selected: boolean, chunk = 7): string {
  const map = new Map<number, Map<number, number>>();
  for (const [r, c] of cells) map.set(r, (map.get(r) ?? new Map()).set(c, -1));
  const e = sheetEditor({ cells: map, seenStyles: new Map(), styleFor: (_r, _c, s) => 100 + s, selected, legacyDrawingRid: 'rIdN' }, '');
  let out = '';
  for (let i = 0; i < xml.length; i += chunk) out += e.write(xml.slice(i, i + chunk));
  return out + e.end();
}

const SHEET = '<worksheet xmlns:r="x"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>'
  + '<row r="2"><c r="A2" s="3"><v>1</v></c><c r="C2"><v>2</v></c></row>'
  + '<row r="5" spans="1:2"/>'
  + '</sheetData><pageMargins left="1"/><tableParts count="0"/></worksheet>';

describe('sheetEditor', () => {
  it('restyles present cells, inserts absent cells and rows in order, and leaves the rest as it was', () => {
    const out = edit(SHEET, [[2, 1], [2, 2], [2, 4], [3, 2], [5, 1], [9, 3]], false);
    expect(out).toContain('<row r="2"><c r="A2" s="103"><v>1</v></c><c r="B2" s="100"/><c r="C2"><v>2</v></c><c r="D2" s="100"/></row>');
    expect(out).toContain('</row><row r="3"><c r="B3" s="100"/></row><row r="5" spans="1:2"><c r="A5" s="100"/></row><row r="9"><c r="C9" s="100"/></row></sheetData>');
    expect(out).toContain('<pageMargins left="1"/><legacyDrawing r:id="rIdN"/><tableParts count="0"/></worksheet>');
    expect(out).toContain('<sheetView workbookViewId="0"/>');
  });

  it('marks the sheet that opens as the selected tab', () => {
    expect(edit(SHEET, [], true)).toContain('<sheetView workbookViewId="0" tabSelected="1"/>');
  });

  it('turns an empty <sheetData/> into rows for the offending cells', () => {
    const out = edit('<worksheet><sheetData/></worksheet>', [[1, 2]], false, 3);
    expect(out).toBe('<worksheet><sheetData><row r="1"><c r="B1" s="100"/></row></sheetData><legacyDrawing r:id="rIdN"/></worksheet>');
  });
});
