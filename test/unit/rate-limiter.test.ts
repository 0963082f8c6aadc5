import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../electron/core/bancontact/rate-limiter';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The most grants that fell within any window of `ms`. */
function busiest(times: number[], ms: number): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + ms).length));
}

describe('the rate limit per profile', () => {
  it('lets 5 requests through at once, then never more than 5 in any second', async () => {
    const limiter = new RateLimiter(5, () => Date.now());
    const grantedAt: number[] = [];
    for (let i = 0; i < 23; i++) void limiter.acquire('low').then(() => grantedAt.push(Date.now()));
    await vi.advanceTimersByTimeAsync(0);
    expect(grantedAt).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(grantedAt).toHaveLength(23);
    expect(busiest(grantedAt, 1_000)).toBe(5);
    // Not slower than it must be either: 23 requests take a little over four seconds.
    expect(Math.max(...grantedAt) - Math.min(...grantedAt)).toBeLessThan(4_200);
  });

  it('serves the cashier before background work', async () => {
    const limiter = new RateLimiter(1, () => Date.now());
    const order: string[] = [];
    await limiter.acquire('low');
    void limiter.acquire('low').then(() => order.push('poll'));
    void limiter.acquire('high').then(() => order.push('cashier'));
    await vi.advanceTimersByTimeAsync(2_100);
    expect(order).toEqual(['cashier', 'poll']);
  });
});
