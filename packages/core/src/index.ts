export * from './errors.ts';
export * from './access/index.ts';
export * from './contracts/index.ts';
export * from './domain/case/case-status.ts';
export * from './domain/names/index.ts';
export * from './reference/regions.ts';
export * from './reference/htcds.ts';
export * from './domain/accounts/password-policy.ts';
