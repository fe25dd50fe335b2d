export * from './crosswalk.ts';
export * from './indicator-list.ts';
export * from './rule-expression.ts';
export * from './screening.ts';
export { fieldIssuesFromZod, type Parsed } from './zod-issues.ts';
