// Fault knobs for tests, the demo and training. The object returned by startHub() is read on
// every request, so a test changes a knob by assigning a field while the hub runs.
export interface HubFaults {
  // Added before each request is handled.
  latencyMs: number;
  // One token bucket shared by every connection and both directions (one link), 0 = no cap.
  bandwidthBytesPerSec: number;
  // Destroy the connection after this many bytes of a response body (0: before the status
  // line), null = never. The operation itself has been done: this is the "outcome unknown" case.
  dropAfterBytes: number | null;
  // 'once': the knob disarms itself (dropAfterBytes = null) after one drop.
  dropMode: 'once' | 'always';
  // Operations whose responses are dropped; null = all.
  dropOperations: string[] | null;
  // Probability (0..1) that a request is answered 503 before anything is done.
  errorRate: number;
  // Seed of the generator behind errorRate: the same seed gives the same sequence of 503s.
  errorSeed: number;
  // The next N acknowledgements (updateStatus done/fail) are recorded, then the item is put back
  // in the recipient's list once, as if the ack had been lost.
  redeliverAcks: number;
}

// mulberry32: small, fast, and deterministic for a given seed.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The live knobs. Assigning errorSeed restarts the 503 sequence, so the same seed always gives
// the same sequence of failures from that point on.
export class HubFaultKnobs implements HubFaults {
  latencyMs = 0;
  bandwidthBytesPerSec = 0;
  dropAfterBytes: number | null = null;
  dropMode: 'once' | 'always' = 'once';
  dropOperations: string[] | null = null;
  errorRate = 0;
  redeliverAcks = 0;
  private seed = 1;
  private draw = mulberry32(1);

  constructor(initial: Partial<HubFaults> = {}) {
    Object.assign(this, initial);
  }

  get errorSeed(): number {
    return this.seed;
  }

  set errorSeed(value: number) {
    this.seed = value;
    this.draw = mulberry32(value);
  }

  // One draw per request.
  shouldFail(): boolean {
    if (this.errorRate <= 0) return false;
    return this.draw() < this.errorRate;
  }
}

// After how many body bytes this response is to be cut, or null.
export function dropPoint(faults: HubFaults, operation: string): number | null {
  const n = faults.dropAfterBytes;
  if (n === null || n < 0) return null;
  if (faults.dropOperations !== null && !faults.dropOperations.includes(operation)) return null;
  return n;
}

// A 'once' drop disarms the knob when it has actually cut a response (a shorter one is not cut).
export function dropped(faults: HubFaults): void {
  if (faults.dropMode === 'once') faults.dropAfterBytes = null;
}
