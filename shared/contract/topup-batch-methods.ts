/** The contract methods for printing wristband code batches; merged into `methods`. */
export const topupBatchMethods = {} as const;
