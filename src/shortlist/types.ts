// The award shortlist as data: who is proposed (collectives, individuals) and every nomination
// left out with its reason. Renderers (Tờ trình .docx, clerk's .xlsx, JSON) read only this.
import type { CellPointer } from '../core/types.js';

export type LeftOutReason =
  | 'locality-worsened'
  | 'locality-unchanged'
  | 'green-not-held'
  | 'locality-no-data'
  | 'type-not-rewarded'
  | 'missing-unit'
  | 'duplicate'
  | 'award-not-provincial'
  | 'invalid-row';

export interface ProposedCollective {
  name: string; // "Ủy ban nhân dân xã Phú Tâm, huyện Châu Thành"
  districtCode: string;
  communeCode: string | null; // null for a district's UBND
  source: 'auto' | 'nomination';
  achievement: string;
  awardForm: string; // full label
  note: string | null;
  at: CellPointer | null; // the nomination row, for nominations
}

export interface ProposedIndividual {
  name: string;
  position: string | null;
  unit: string;
  districtCode: string;
  communeCode: string | null;
  achievement: string;
  awardForm: string;
  birthYear: number | null;
  gender: string | null;
  at: CellPointer;
}

export interface LeftOut {
  name: string;
  kind: 'collective' | 'individual' | null;
  districtCode: string;
  communeCode: string | null;
  reason: LeftOutReason;
  detail: string; // Vietnamese sentence for the clerk
  at: CellPointer;
}

export interface Shortlist {
  collectives: ProposedCollective[];
  individuals: ProposedIndividual[];
  leftOut: LeftOut[];
}
