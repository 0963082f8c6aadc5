export * from './errors';
export * from './events';
export * from './input-limits';
export * from './methods';
export * from './report-views';
export * from './topup-batch-views';
export * from './views';
export * from './wristband-views';
