export * from './htcds-columns.ts';
export * from './htcds-import.ts';
export * from './htcds-values.ts';
export * from './open-dataset.ts';
