/** Synthetic national data for the demo seed, tests and benchmarks (never real people). */
export * from './persons.ts';
export * from './identity.ts';
export * from './prng.ts';
export * from './name-bank.ts';
export { KAZAKH } from './names-kk.ts';
export { KYRGYZ, RUSSIAN, TAJIK, TURKIC, UZBEK } from './names-other.ts';
export * from './population.ts';
export * from './render.ts';
export * from './hard-linkage.ts';
