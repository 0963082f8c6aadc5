import { useEffect, useState } from 'react';

/** Whole seconds until `deadline` (ISO), never below zero, ticking each second until it reaches zero. */
export function useSecondsLeft(deadline: string, now: () => number = Date.now): number {
  const end = new Date(deadline).getTime();
  const [time, setTime] = useState(now);
  const left = Math.max(0, Math.ceil((end - time) / 1000));
  useEffect(() => {
    if (end <= now()) return;
    const timer = setInterval(() => {
      const at = now();
      setTime(at);
      if (at >= end) clearInterval(timer);
    }, 1_000);
    return () => clearInterval(timer);
  }, [end, now]);
  return left;
}

/** "4:05": minutes and seconds, as a countdown reads. */
export function minutesSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
