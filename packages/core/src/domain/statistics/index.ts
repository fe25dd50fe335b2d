export * from './categories.ts';
export * from './victim-figures.ts';
export * from './report-facts.ts';
export * from './official-figures.ts';
export * from './funding.ts';
export * from './recommendations.ts';
export * from './disclosure/index.ts';
export * from './report-text/index.ts';
