import { useEffect, useRef } from 'react';

/** What counts as someone still working at the device. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;

/** How often the idle time is looked at: a lock a few seconds late is fine, a busy timer is not. */
export const IDLE_CHECK_MS = 5_000;

interface IdleLock {
  /** Minutes without input before `onIdle`; 0 or less: never. */
  minutes: number;
  enabled: boolean;
  onIdle: () => void;
  now?: () => number;
}

/**
 * Calls `onIdle` once after `minutes` without pointer, keyboard or touch input. Activity only moves
 * a timestamp (pointermove fires constantly), and a slow interval compares it with the clock.
 */
export function useIdleLock({ minutes, enabled, onIdle, now = Date.now }: IdleLock): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    if (!enabled || !(minutes > 0)) return;
    const limitMs = minutes * 60_000;
    let last = now();
    const touched = () => {
      last = now();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, touched, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (now() - last < limitMs) return;
      clearInterval(timer);
      onIdleRef.current();
    }, IDLE_CHECK_MS);
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touched, { capture: true });
    };
  }, [enabled, minutes, now]);
}
