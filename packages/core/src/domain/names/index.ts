export * from './name-key.ts';
export * from './transliterate.ts';
export * from './name-input.ts';
