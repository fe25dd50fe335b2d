export * from './screening-form.ts';
export * from './submission.ts';
export * from './xform.ts';
export * from './xlsform.ts';
