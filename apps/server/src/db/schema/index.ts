export * from './audit.ts';
export * from './casework.ts';
export * from './files.ts';
export * from './identity.ts';
export * from './messaging.ts';
export * from './passkeys.ts';
export * from './pki.ts';
