export * from './criminal-stage.ts';
export * from './justice-values.ts';
export * from './justice-authority.ts';
export * from './criminal-articles.ts';
export * from './legal-aid-rules.ts';
export * from './redress-rules.ts';
export * from './proceedings-rules.ts';
export * from './defendant-rules.ts';
