# Second reader for annotated copies (openpyxl, not exceljs): for every sheet of the input,
# which cells' styles differ in the copy, which cells carry a fill colour and a note, and the
# copy's tab order and active sheet. Prints JSON; the test decides what is right.
import json, sys
import openpyxl

def style_of(c):
    return repr((c.font, c.fill, c.border, c.number_format, c.alignment, c.protection))

def main(src, copy):
    a = openpyxl.load_workbook(src) if src.endswith('.xlsx') else None
    b = openpyxl.load_workbook(copy)
    out = {'sheets': b.sheetnames, 'active': b.active.title, 'states': [ws.sheet_state for ws in b.worksheets], 'changed': {}, 'notes': {}, 'fills': {}, 'links': []}
    for ws in b.worksheets:
        notes = {}
        fills = {}
        for row in ws.iter_rows():
            for c in row:
                if c.comment is not None:
                    notes[c.coordinate] = c.comment.text
                if c.fill is not None and c.fill.fill_type == 'solid':
                    fills[c.coordinate] = c.fill.fgColor.rgb
        out['notes'][ws.title] = notes
        out['fills'][ws.title] = fills
        if a is not None and ws.title in a.sheetnames:
            wa = a[ws.title]
            changed = []
            coords = set()
            for row in wa.iter_rows():
                for c in row: coords.add(c.coordinate)
            for row in ws.iter_rows():
                for c in row: coords.add(c.coordinate)
            for k in sorted(coords):
                if style_of(wa[k]) != style_of(ws[k]) or wa[k].value != ws[k].value:
                    changed.append(k)
            out['changed'][ws.title] = changed
    loi = b.worksheets[0]
    for row in loi.iter_rows(min_row=2):
        for c in row:
            if c.hyperlink is not None:
                out['links'].append([c.coordinate, c.hyperlink.location])
    print(json.dumps(out, ensure_ascii=False))

main(sys.argv[1], sys.argv[2])
