export * from './common.contract.ts';
export * from './auth.contract.ts';
export * from './admin.contract.ts';
export * from './person.contract.ts';
export * from './case.contract.ts';
export * from './audit.contract.ts';
export * from './screening.contract.ts';
export * from './self-report.contract.ts';
