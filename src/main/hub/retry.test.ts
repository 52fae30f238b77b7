import { describe, expect, it } from 'vitest';
import { backoffDelay, withRetry } from './retry.ts';

const POLICY = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelay (full jitter)', () => {
  it('waits a uniform share of the capped exponential', () => {
    expect(backoffDelay(POLICY, 0, () => 0.5)).toBe(50);
    expect(backoffDelay(POLICY, 2, () => 0.5)).toBe(200);
    expect(backoffDelay(POLICY, 10, () => 0.5)).toBe(500);
    expect(backoffDelay(POLICY, 3, () => 0)).toBe(0);
    expect(backoffDelay(POLICY, 3, () => 0.999)).toBeLessThan(800);
  });
});

describe('withRetry', () => {
  it('repeats only what shouldRetry accepts, at most `attempts` times', async () => {
    let calls = 0;
    await expect(
      withRetry({ ...POLICY, baseDelayMs: 1 }, () => 0, () => true, async () => {
        calls++;
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      withRetry(POLICY, () => 0, () => false, async () => {
        calls++;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(calls).toBe(1);

    calls = 0;
    expect(await withRetry(POLICY, () => 0, () => true, async () => (++calls < 2 ? Promise.reject(new Error('x')) : 'ok'))).toBe('ok');
    expect(calls).toBe(2);
  });
});
