// Writes a workbook with an unlisted 300 MB xl/sharedStrings.xml, in a process of its own so the
// 300 MB it allocates does not count in the peak memory of the process that then reads the file
// (Linux keeps a parent's peak RSS in a forked child's).
import { writeFileSync } from 'node:fs';
import { craftedZip, workbookParts, zoneSheet } from '../../../fixtures/build/bad/crafted.js';

writeFileSync(process.argv[2], craftedZip([...workbookParts(zoneSheet()), { name: 'xl/sharedStrings.xml', data: Buffer.alloc(300 * 1024 * 1024, 0x20), unlisted: true }]));
