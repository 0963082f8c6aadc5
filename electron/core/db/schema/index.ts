export * from './sales';
export * from './payments';
export * from './callbacks';
export * from './topup';
export * from './cash';
export * from './reports';
export * from './books';
