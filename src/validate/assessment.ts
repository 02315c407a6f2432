// A clean zone row kept for compile. A month of a country's rows is ~330,000 of them, so each
// keeps where it came from as the sheet's shared place and its row number; the pointer to its
// zone cell is made only when asked for (a conflict between two rows).
import type { Assessment, CellPointer, IsoDate } from '../core/types.js';
import { pointAt, type SheetPlace } from './rows.js';

export class RowAssessment implements Assessment {
  constructor(
    public communeCode: string,
    public districtCode: string,
    public date: IsoDate,
    public zone: string,
    public communityCases14d: number | null,
    public quarantineCases: number | null,
    public lastCommunityCase: IsoDate | null,
    public population: number | null,
    public decision: string | null,
    public note: string | null,
    private readonly place: SheetPlace,
    private readonly row: number,
  ) {}

  /** the zone cell of the row */
  get at(): CellPointer {
    return pointAt(this.place, this.row, 'zone');
  }
}
