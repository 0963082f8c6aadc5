import { useEffect, useRef } from 'react';

/**
 * A barcode scanner in keyboard mode types the code's characters within a few milliseconds each and
 * then Enter. A person typing is far slower, so the gap between keys tells the two apart: a code is
 * only taken when every key came fast and there are enough of them.
 */
export const MAX_KEY_GAP_MS = 50;
export const MIN_CODE_LENGTH = 4;

export interface ScanBuffer {
  chars: string;
  lastAt: number;
}

export const emptyScan: ScanBuffer = { chars: '', lastAt: -Infinity };

/** Feeds one key; returns the new buffer and, on Enter after a fast burst, the scanned code. */
export function feedKey(
  buffer: ScanBuffer,
  key: string,
  at: number,
): { buffer: ScanBuffer; code: string | null } {
  const fast = at - buffer.lastAt <= MAX_KEY_GAP_MS;
  if (key === 'Enter') {
    const code = fast && buffer.chars.length >= MIN_CODE_LENGTH ? buffer.chars : null;
    return { buffer: emptyScan, code };
  }
  if (key.length !== 1) return { buffer: emptyScan, code: null };
  // A slow key starts a new burst: what came before was a person typing, not the scanner.
  const chars = fast ? buffer.chars + key : key;
  return { buffer: { chars, lastAt: at }, code: null };
}

/** A field the cashier types in keeps its keys: the scanner only listens when none has focus. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Calls onCode with each code a keyboard-wedge scanner types while no input has focus. */
export function useBarcodeScanner(onCode: (code: string) => void, enabled = true): void {
  const buffer = useRef<ScanBuffer>(emptyScan);
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  }, [onCode]);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingInField(event.target) || event.ctrlKey || event.altKey || event.metaKey) return;
      const fed = feedKey(buffer.current, event.key, event.timeStamp);
      buffer.current = fed.buffer;
      if (fed.code === null) return;
      // The Enter ends the code: it must not also press the focused button.
      event.preventDefault();
      latest.current(fed.code);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
