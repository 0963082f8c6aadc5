/** The contract methods for the wristband ledger, bar payments and refunds; merged into `methods`. */
export const wristbandMethods = {} as const;
