/** The station's logger. Messages never carry API keys, PINs or tokens: callers pass ids and codes only. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createConsoleLogger(quiet = false): Logger {
  return {
    info: (message) => {
      if (!quiet) console.log(`[kassa] ${message}`);
    },
    warn: (message) => console.warn(`[kassa] ${message}`),
    error: (message, error) =>
      console.error(`[kassa] ${message}${error instanceof Error ? `: ${error.message}` : ''}`),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
