import { useEffect, useState } from 'react';

/**
 * The time, ticking each second while `ticking` (a lock may be counting down), still otherwise: the
 * first tick after a lock appears corrects a time read earlier within a second.
 */
export function useNow(ticking: boolean, now: () => number = Date.now): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setTime(now()), 1_000);
    return () => clearInterval(timer);
  }, [ticking, now]);
  return time;
}
