/**
 * The real-time trigger. Deadlines and callback retries are due by simulator time; this only makes sure
 * something looks at them while nobody calls the API. Unref'd, so it never keeps a process alive.
 */
export function startTicker(tick: () => void, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => undefined;
  const timer = setInterval(() => {
    try {
      tick();
    } catch (error) {
      console.error('Simulator tick failed:', error);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
