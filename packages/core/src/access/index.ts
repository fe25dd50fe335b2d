export * from './roles.ts';
export * from './permissions.ts';
export * from './role-grants.ts';
export * from './policy.ts';
export * from './grants.ts';
