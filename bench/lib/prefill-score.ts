import { PREFILL_FIELDS, type PrefillField, type ProposeFieldsResult } from '../../src/shared/api/schemas/prefill.ts';
import type { Expected } from '../../test/support/prefill-corpus.ts';

// "Proposed right on": the proposal is exactly what the clerk would type (NFC, spaces
// collapsed); a missing proposal counts as wrong. One share per field, between 0 and 1.

const same = (a: string, b: string): boolean => a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim();

export interface Miss {
  readonly id: string;
  readonly field: PrefillField;
  readonly proposed: string | null;
  readonly expected: string;
}

export class Tally {
  private readonly right = new Map<PrefillField, number>(PREFILL_FIELDS.map((f) => [f, 0]));
  private count = 0;
  readonly misses: Miss[] = [];

  add(id: string, result: ProposeFieldsResult, expected: Expected): void {
    this.count += 1;
    for (const field of PREFILL_FIELDS) {
      const proposed = result.proposals[field]?.value ?? null;
      if (proposed !== null && same(proposed, expected[field])) this.right.set(field, (this.right.get(field) ?? 0) + 1);
      else this.misses.push({ id, field, proposed, expected: expected[field] });
    }
  }

  // {"documents": N, "codeNumberShare": 1, …, "allFieldsShare": …}
  shares(): Record<string, number> {
    const round = (v: number): number => Math.round(v * 1000) / 1000;
    const out: Record<string, number> = { documents: this.count };
    let all = 0;
    for (const field of PREFILL_FIELDS) {
      const right = this.right.get(field) ?? 0;
      all += right;
      out[`${field}Share`] = this.count === 0 ? 0 : round(right / this.count);
    }
    out.allFieldsShare = this.count === 0 ? 0 : round(all / (this.count * PREFILL_FIELDS.length));
    return out;
  }
}
