export * from './string-similarity.ts';
export * from './linkage-record.ts';
export * from './comparison.ts';
export * from './fellegi-sunter.ts';
export * from './blocking.ts';
export * from './clusters.ts';
export * from './link.ts';
export * from './privacy/index.ts';
