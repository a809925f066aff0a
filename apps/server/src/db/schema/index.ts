export * from './identity.ts';
export * from './messaging.ts';
