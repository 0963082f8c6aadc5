export * from './sales';
export * from './payments';
export * from './callbacks';
export * from './topup';
