import { setTimeout as sleep } from 'node:timers/promises';

const SLICE = 16 * 1024;

// A token bucket: bytes pass at `rate()` per second on average, with a burst of a twentieth of a
// second so that timer granularity does not cut the rate. Callers queue in order, so concurrent
// streams share the link fairly. The rate is read on every take: it can change while running.
export class TokenBucket {
  private readonly rate: () => number;
  private tokens = 0;
  private last = performance.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(rate: () => number) {
    this.rate = rate;
  }

  // Resolves when `bytes` may pass.
  take(bytes: number): Promise<void> {
    if (this.rate() <= 0) return Promise.resolve();
    const turn = this.queue.then(() => this.consume(bytes));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private refill(rate: number): void {
    const now = performance.now();
    const burst = Math.max(SLICE, rate / 20);
    this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * rate);
    this.last = now;
  }

  private async consume(bytes: number): Promise<void> {
    let left = bytes;
    while (left > 0) {
      const rate = this.rate();
      if (rate <= 0) return;
      const slice = Math.min(left, SLICE);
      this.refill(rate);
      if (this.tokens < slice) {
        await sleep(Math.ceil(((slice - this.tokens) / rate) * 1000));
        this.refill(rate);
      }
      this.tokens -= slice;
      left -= slice;
    }
  }
}
