export * from './sales';
export * from './payments';
