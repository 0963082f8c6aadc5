import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../electron/core/bancontact/rate-limiter';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

/** The most grants that fell within any window of `ms`. */
function busiest(times: number[], ms: number): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + ms).length));
}

/** A request that takes `ms` to answer, like one to Bancontact. */
function request(limiter: RateLimiter, ms: number, startedAt: number[], priority: 'high' | 'low' = 'low') {
  return limiter.acquire(priority).then((release) => {
    startedAt.push(Date.now());
    setTimeout(release, ms);
  });
}

describe('the rate limit per profile', () => {
  it('lets 5 requests through at once, then never more than 5 in any second', async () => {
    const limiter = new RateLimiter(5, () => Date.now());
    const startedAt: number[] = [];
    for (let i = 0; i < 23; i++) void request(limiter, 0, startedAt);
    await vi.advanceTimersByTimeAsync(0);
    expect(startedAt).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(startedAt).toHaveLength(23);
    expect(busiest(startedAt, 1_000)).toBe(5);
    // Not slower than it must be either: 23 quick requests take a little over four seconds.
    expect(Math.max(...startedAt) - Math.min(...startedAt)).toBeLessThan(4_200);
  });

  it('counts a second from when a request ended, so a slow answer holds its place longer', async () => {
    const limiter = new RateLimiter(2, () => Date.now());
    const startedAt: number[] = [];
    for (let i = 0; i < 3; i++) void request(limiter, 300, startedAt);
    await vi.advanceTimersByTimeAsync(1_299);
    expect(startedAt).toEqual([0, 0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(startedAt).toEqual([0, 0, 1_300]);
  });

  it('has at most the limit in flight while answers are slow to come', async () => {
    const limiter = new RateLimiter(5, () => Date.now());
    const startedAt: number[] = [];
    for (let i = 0; i < 8; i++) void request(limiter, 10_000, startedAt);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(startedAt).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(startedAt).toHaveLength(8);
  });

  it('serves the cashier before background work', async () => {
    const limiter = new RateLimiter(1, () => Date.now());
    const order: string[] = [];
    (await limiter.acquire('low'))();
    void limiter.acquire('low').then((release) => (order.push('poll'), release()));
    void limiter.acquire('high').then((release) => (order.push('cashier'), release()));
    await vi.advanceTimersByTimeAsync(2_100);
    expect(order).toEqual(['cashier', 'poll']);
  });
});
