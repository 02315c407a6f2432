// The package edits on a hand-made workbook with what districts' files hold and fixtures do not:
// a hidden first sheet, a defined name bound to a sheet by position, another sheet selected,
// a namespace prefix on the worksheet XML and a cell the issue names that the XML lacks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotatedWorkbook } from '../../src/render/annotate.js';
import { WorkbookPackage } from '../../src/render/annotate/zipPackage.js';
import { issue } from '../../src/validate/issue.js';
import type { FileOutcome } from '../../src/validate/file.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const sheet = (view: string, rows: string, p = '') => `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}"><${p}sheetViews><${p}sheetView ${view} workbookViewId="0"/></${p}sheetViews><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;

function workbook(): Buffer {
  const pkg = new WorkbookPackage('made.xlsx', 1e9);
  pkg.setText('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`);
  pkg.setText('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  pkg.setText('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}"><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="Danh mục" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Bìa" sheetId="2" r:id="rId2"/><sheet name="Phân vùng" sheetId="3" r:id="rId3"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'Bìa'!$A$1:$B$2</definedName></definedNames></workbook>`);
  pkg.setText('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[1, 2, 3].map((n) => `<Relationship Id="rId${n}" Type="${R}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('')}</Relationships>`);
  pkg.setText('xl/worksheets/sheet1.xml', sheet('', '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'));
  pkg.setText('xl/worksheets/sheet2.xml', sheet('tabSelected="1"', '<row r="1"><c r="A1" t="inlineStr"><is><t>Bìa</t></is></c></row>'));
  pkg.setText('xl/worksheets/sheet3.xml', sheet('', '<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row>', 'x:'));
  return pkg.bytes();
}

function parts(buf: Buffer): Map<string, string> {
  const pkg = WorkbookPackage.open(buf, 'copy.xlsx', 1e9);
  return new Map(pkg.order.map((n) => [n, pkg.text(n)!]));
}

describe('annotating a hand-made workbook', () => {
  it('puts "Lỗi" before the hidden sheet, keeps defined names on their sheets, opens and selects the sheet with the issue', async () => {
    const dir = mkdtempSync(join(tmpdir(), '13-pkg-'));
    const path = join(dir, 'made.xlsx');
    writeFileSync(path, workbook());
    const at = { file: 'made.xlsx', sheet: 'Phân vùng', row: 2, column: 'C', cell: 'C2' };
    const file = { path, format: 'xlsx', issues: [issue('zone-invalid', at, 'tím')] } as unknown as FileOutcome;
    const out = parts(await annotatedWorkbook(file, 'vi'));
    const wb = out.get('xl/workbook.xml')!;
    expect([...wb.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Lỗi', 'Danh mục', 'Bìa', 'Phân vùng']);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="2">'Bìa'!$A$1:$B$2</definedName>`);
    expect(wb).toMatch(/<workbookView activeTab="3"\/>/);
    expect(out.get('xl/worksheets/sheet2.xml')).not.toContain('tabSelected');
    const edited = out.get('xl/worksheets/sheet3.xml')!;
    expect(edited).toContain('tabSelected="1"');
    // the absent C2 is added after A2, styled, in the sheet's own prefix; the drawing is referred to
    expect(edited).toMatch(/<x:c r="A2"><x:v>1<\/x:v><\/x:c><x:c r="C2" s="\d+"\/><\/x:row>/);
    expect(edited).toMatch(/<x:legacyDrawing r:id="[^"]+"\/><\/x:worksheet>$/);
    expect(edited).toContain(`xmlns:r="${R}"`);
    // a style sheet was added for a workbook that had none
    expect([...out.keys()]).toContain('xl/styles.xml');
    expect(out.get('xl/_rels/workbook.xml.rels')).toContain('/styles"');
    const ids = [...out.get('xl/_rels/workbook.xml.rels')!.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const types = out.get('[Content_Types].xml')!;
    expect(types).toContain('Extension="vml"');
    expect(types).toMatch(/PartName="\/xl\/comments\d+\.xml" ContentType="[^"]*comments\+xml"/);
    expect(types).toMatch(/PartName="\/xl\/styles\.xml"/);
  });
});
