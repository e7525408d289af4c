// One schema file per procedure namespace (auth.*, user.*, ...); common.ts, constants.ts and the
// pure rules (duties, ledger, rules) serve several.
export * from './audit';
export * from './auth';
export * from './blog';
export * from './category';
export * from './common';
export * from './constants';
export * from './department';
export * from './duties';
export * from './ledger';
export * from './order';
export * from './payment';
export * from './payer';
export * from './post';
export * from './privacy';
export * from './report';
export * from './product';
export * from './review';
export * from './rules';
export * from './settings';
export * from './user';
export * from './wallet';
export * from './lifecycle';
export * from './kitchen';
export * from './live';
export * from './notification';
