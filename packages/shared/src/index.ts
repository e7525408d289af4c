export * from './auth';
export * from './common';
export * from './constants';
export * from './ledger';
export * from './menu';
export * from './order';
export * from './people';
export * from './wallet';
