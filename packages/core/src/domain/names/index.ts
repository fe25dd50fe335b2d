export * from './name-key.ts';
export * from './transliterate.ts';
