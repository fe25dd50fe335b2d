export * from './entitlement-rules.ts';
export * from './entitlements.ts';
export * from './entitlement-authority.ts';
export * from './entitlement-views.ts';
