import type { Result, StationEvent } from '../../shared/contract';

/** What the Electron preload exposes; absent when the UI runs in a browser against the HTTP shell. */
export interface KassaBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: StationEvent) => void): () => void;
}

declare global {
  interface Window {
    kassa?: KassaBridge;
  }
}
