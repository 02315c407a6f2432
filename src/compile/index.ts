// The compile core's public face: results of a campaign period from clean submission rows.
export { compileResults } from './compile.js';
export type { CompileInput } from './compile.js';
export { periodFromOptions, parseUserDate, monthPeriod, addDays } from './period.js';
export type { PeriodOptions } from './period.js';
export { qualifies, districtQualifies } from './award.js';
export { zoneAt, classifyCommune, statusContext } from './status.js';
export { districtLevelOf } from './summary.js';
export * from './types.js';
