export * from './dice.ts';
export * from './clk.ts';
export * from './encoded-comparison.ts';
export * from './link-encoded.ts';
