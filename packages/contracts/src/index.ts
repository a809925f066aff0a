export * from './api/accounts.ts';
export * from './api/auth.ts';
export * from './api/common.ts';
export * from './enums.ts';
export * from './errors.ts';
export * from './i18n/error-messages.ts';
export * from './masking.ts';
export * from './validators/index.ts';
