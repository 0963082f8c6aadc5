import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../electron/core/bancontact/rate-limiter';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the rate limit per profile', () => {
  it('grants 5 requests at once, then 5 per second', async () => {
    const limiter = new RateLimiter(5, 5, () => Date.now());
    const granted: number[] = [];
    for (let i = 0; i < 12; i++) void limiter.acquire('low').then(() => granted.push(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(granted).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(400);
    expect(granted).toHaveLength(12);
  });

  it('serves the cashier before background work', async () => {
    const limiter = new RateLimiter(1, 1, () => Date.now());
    const order: string[] = [];
    await limiter.acquire('low');
    void limiter.acquire('low').then(() => order.push('poll'));
    void limiter.acquire('high').then(() => order.push('cashier'));
    await vi.advanceTimersByTimeAsync(2_100);
    expect(order).toEqual(['cashier', 'poll']);
  });
});
