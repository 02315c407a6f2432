// The shape of compiled campaign results (SPEC §5): plain, JSON-serialisable objects with a
// stable key order, so that renderers (docx, xlsx, terminal, json) and tests read them directly.
import type { CellPointer, IsoDate } from '../core/types.js';
import type { Course } from './course.js';

export type { Course, CourseDay } from './course.js';

/** A reporting period, both ends inclusive. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** What compile knows about one district's submission (from reading and validation). */
export interface DistrictInput {
  districtCode: string;
  submitted: boolean; // any file received
  errorCount: number;
  warningCount: number;
  communesWithErrors: string[]; // communes whose rows had errors (left out of the figures)
  files: string[];
  /** files the district sent that hold no readable data sheet (Word, PDF, pictures, unreadable files) */
  documents?: string[];
}

export type Category = 'held-green' | 'improved' | 'worsened' | 'green-not-held' | 'unchanged' | 'no-data';

export const CATEGORIES: readonly Category[] = ['held-green', 'improved', 'worsened', 'green-not-held', 'unchanged', 'no-data'];

/** A commune's zone at one end of the period, and the date of the assessment it comes from. */
export interface ZoneStatus {
  zone: string;
  date: IsoDate;
}

/** Why a commune has no start or no end status. */
export interface NoDataReason {
  missing: 'start' | 'end' | 'both';
  cause: 'district-not-submitted' | 'no-data-sheets' | 'rows-with-errors' | 'not-reported';
}

export interface CommuneResult {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  start: ZoneStatus | null;
  end: ZoneStatus | null;
  assessmentsInPeriod: number; // assessments dated within [from, to]
  category: Category;
  becameGreen: boolean;
  fromZone: string | null; // set for improved and worsened
  toZone: string | null;
  reason: NoDataReason | null; // set for no-data
  qualifies: boolean; // held green or improved: the plan's award condition
}

export interface ZoneCount {
  zone: string;
  count: number;
}

/** Communes by zone at one end of the period; every zone of the scale in rank order. */
export interface ZoneCounts {
  byZone: ZoneCount[];
  noData: number;
  total: number;
}

/** counts[i][j]: communes in zones[i] at the start and zones[j] at the end. */
export interface TransitionMatrix {
  zones: string[];
  counts: number[][];
  total: number;
}

/** Green communes over those with a status, and over all communes; ratios in 0..1, null when dividing by 0. */
export interface GreenShare {
  green: number;
  withStatus: number;
  total: number;
  ofWithStatus: number | null;
  ofAll: number | null;
}

/** The district level of QĐ 2686 computed from commune zones: for reference only ("tham khảo"). */
export interface DistrictLevel {
  rank: number;
  zone: string;
  level: string;
}

export type CategoryCounts = Record<Category, number> & { becameGreen: number };

export interface ZoneSummary {
  communeCount: number;
  start: ZoneCounts;
  end: ZoneCounts;
  transitions: TransitionMatrix;
  greenShare: { start: GreenShare; end: GreenShare };
  categories: CategoryCounts;
}

/** One indicator summed over rows; `code` null for a district's own indicator kept by label. */
export interface IndicatorTotal {
  code: string | null;
  label: string;
  unit: string | null;
  value: number;
  rows: number;
}

export interface ProvinceIndicatorTotal {
  code: string;
  label: string;
  unit: string;
  value: number;
  districts: number; // how many districts reported it
}

export interface DistrictSubmission {
  submitted: boolean;
  files: string[];
  /** files without a readable data sheet (Word, PDF…) */
  documents: string[];
  errorCount: number;
  warningCount: number;
  communesWithErrors: string[];
  communesWithoutStatusByErrors: string[]; // of those, the ones left without a start or end status
}

export interface DistrictResult extends ZoneSummary {
  code: string;
  name: string;
  level2686: { start: DistrictLevel | null; end: DistrictLevel | null };
  awardQualifies: boolean; // under the plan's districtAwardRule
  submission: DistrictSubmission;
  indicators: IndicatorTotal[];
}

export interface ProvinceResult extends ZoneSummary {
  code: string;
  name: string;
  districtCount: number;
  indicators: ProvinceIndicatorTotal[];
}

/** A commune in one of the result lists. */
export interface CommuneListItem {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  fromZone: string | null;
  toZone: string | null;
  reason: NoDataReason | null;
}

export interface CommuneLists {
  heldGreen: CommuneListItem[];
  improved: CommuneListItem[];
  becameGreen: CommuneListItem[];
  worsened: CommuneListItem[];
  greenNotHeld: CommuneListItem[];
  noData: CommuneListItem[];
}

export interface DifficultyItem {
  content: string;
  note: string | null;
  at: CellPointer;
}

export interface DistrictDifficulties {
  districtCode: string;
  districtName: string;
  items: DifficultyItem[];
}

export interface Submissions {
  submitted: string[];
  notSubmitted: string[];
  /** districts that sent only documents without data sheets (not counted in notSubmitted) */
  documentsOnly: string[];
  withErrors: { districtCode: string; errorCount: number; communesWithoutStatus: string[] }[];
}

export interface Results {
  planId: string;
  period: Period;
  generatedFrom: { files: number; districts: number; assessments: number; indicators: number; difficulties: number };
  province: ProvinceResult;
  districts: DistrictResult[];
  communes: CommuneResult[];
  lists: CommuneLists;
  difficulties: DistrictDifficulties[];
  submissions: Submissions;
  /** Communes per zone on each assessment date of the period ("Diễn biến"). */
  course: Course;
}
