// 我的证照's shared half: the licence types and the signed code's format (encode, verify).
export * from './base45.ts';
export * from './licence-qr.ts';
export * from './licence-types.ts';
