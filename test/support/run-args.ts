/**
 * The flags of the test-side command lines (`npm run chaos`, `npm run chaos:site`): a whole number of at
 * least `min`, else the usage line and exit 2.
 */
export function wholeNumberFlag(usage: string): (name: string, raw: string, min: number) => number {
  return (name, raw, min) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      console.error(`--${name} must be a whole number of at least ${min}\n${usage}`);
      process.exit(2);
    }
    return value;
  };
}
