// Shared domain types: the plan, the register, tables read from files, and issues.
// Every layer (readers, validation, compile, renderers) speaks in these.

/** ISO date "yyyy-mm-dd"; plain strings compare in date order. */
export type IsoDate = string;

export type Lang = 'vi' | 'en';

export interface Zone {
  code: string; // "xanh" | "vang" | "cam" | "do" in the 2686 scale
  rank: number; // 1 = lowest risk
  label: string; // "Vùng xanh"
  short: string; // "xanh"
  level: string; // "Bình thường mới"
  labelEn: string; // "Green"
  color: string; // hex RRGGBB, no '#'
  aliases: string[];
}

export interface Indicator {
  code: string;
  label: string;
  unit: string;
  money: boolean;
  aliases: string[];
}

export interface AwardForm {
  code: string;
  label: string; // short, as written in lists
  fullLabel: string; // as written in the Tờ trình
  provincial: boolean; // given by the Chủ tịch UBND tỉnh
  isDefault: boolean;
  aliases: string[];
}

export interface CollectiveType {
  code: string; // "bcd" | "ubnd" | ...
  label: string;
  prefixes: string[]; // normalised name prefixes that identify the type
  rewardedLevels: string[]; // levels of this type that the plan rewards ("tinh" | "huyen" | "xa")
}

export interface Signer {
  authority: string; // "KT. GIÁM ĐỐC"
  title: string; // "PHÓ GIÁM ĐỐC"
  name: string;
}

export interface Agency {
  parent: string; // "UBND TỈNH SÓC TRĂNG"
  name: string; // "SỞ NỘI VỤ"
  nameFull: string; // "Sở Nội vụ"
  place: string; // "Sóc Trăng"
  reportSuffix: string; // "BC-SNV"
  proposalSuffix: string; // "TTr-SNV"
}

/** A "Căn cứ …;" line of a decision, with where it was checked; unverified lines are flagged to the clerk. */
export interface LegalBasis {
  text: string;
  source: string;
  verified: boolean;
}

/** The draft Quyết định of the award (issued by the province's chairman), as plan data. */
export interface DecisionPlan {
  note?: string;
  /** Issuing body; `name` may hold a line break ("ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG"); `parent` may be empty. */
  issuer: { parent: string; name: string; place: string; suffix: string };
  authorityTitle: string; // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG"
  authorityName: string; // "Chủ tịch Ủy ban nhân dân tỉnh Sóc Trăng"
  summary: string; // trích yếu
  listSummary: string; // under "DANH SÁCH" in the appendix
  legalBases: LegalBasis[];
  proposer: string; // "Giám đốc Sở Nội vụ"
  executors: string[];
  recipients: string[];
  signer: Signer;
  fund: string;
}

/** Bonus money that goes with an award form, as multiples of the base salary in force. */
export interface BonusPlan {
  note?: string;
  baseSalaries: { amount: number; from: IsoDate; to: IsoDate | null; source: string }[];
  rounding: { step: number; source: string };
  rates: { form: string; individual: number; collectiveTimesIndividual: number; source: string }[];
}

export interface Plan {
  id: string;
  title: string;
  shortTitle: string;
  theme: string;
  issuedBy: string;
  planDocument: string;
  province: { code: string; name: string; authority: string };
  period: { from: IsoDate; to: IsoDate };
  baselineLookbackDays: number;
  checkpoints: IsoDate[];
  zoneScale: { name: string; zones: Zone[] };
  consistency: { greenRequiresNoCommunityCases: boolean; caseWindowDays: number };
  collectiveTypes: CollectiveType[];
  levelWords: Record<string, string>;
  individualsRewarded: boolean;
  districtAwardRule: 'all-communes-qualify' | 'none';
  awardForms: AwardForm[];
  indicators: Indicator[];
  agency: Agency;
  signer: Signer;
  recipients: { report: string[]; proposal: string[] };
  legalBases: string[];
  decision?: DecisionPlan;
  bonus?: BonusPlan;
  /** The commune boundary file (GeoJSON) for the province map, resolved against the plan file's folder; none: no map. */
  boundaries?: string;
}

export type UnitLevel = 'district' | 'commune';

export interface District {
  code: string;
  name: string; // "Huyện Kế Sách"
  type: string; // "huyện" | "thị xã" | "thành phố"
}

export interface Commune {
  code: string;
  name: string; // "Xã Phú Tâm"
  type: string; // "xã" | "phường" | "thị trấn"
  districtCode: string;
}

/** A cell value as a reader hands it over, before any interpretation. */
export type CellValue = string | number | boolean | Date | null | { error: string };

/** Where something is in an input file. Rows are 1-based as a spreadsheet program shows them. */
export interface CellPointer {
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null; // "C"
  cell: string | null; // "C12"
}

export type Severity = 'error' | 'warning';

/** The four sheet kinds a district sends. */
export type SheetKind = 'zones' | 'nominations' | 'indicators' | 'difficulties';

/** One clean zone assessment (a row that passed validation). */
export interface Assessment {
  communeCode: string;
  districtCode: string;
  date: IsoDate;
  zone: string; // zone code from the plan's scale
  communityCases14d: number | null;
  quarantineCases: number | null;
  lastCommunityCase: IsoDate | null;
  population: number | null;
  decision: string | null;
  note: string | null;
  at: CellPointer; // the zone cell of the row
}

export interface Nomination {
  kind: 'collective' | 'individual' | null; // null: the row's "Loại" was not understood
  name: string;
  position: string | null;
  unit: string | null;
  communeCode: string | null; // commune the achievement is tied to
  districtCode: string;
  achievement: string;
  awardForm: string | null; // award form code, null = the plan's default
  birthYear: number | null;
  gender: string | null;
  /** issue codes found on the row (errors and warnings): the shortlist says why it left a row out */
  problems: string[];
  at: CellPointer;
}

export interface IndicatorValue {
  districtCode: string;
  indicatorCode: string | null; // null: not one of the plan's indicators (kept with its label)
  label: string;
  value: number;
  unit: string | null;
  note: string | null;
  at: CellPointer;
}

export interface Difficulty {
  districtCode: string;
  content: string;
  note: string | null;
  at: CellPointer;
}
