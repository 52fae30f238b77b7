// Counts by state, gathered per line of a breakdown (a type, a channel, a unit). The lines come
// out in the order of `order` for the keys it names, then the others by count (largest first),
// then by label.
export class Tally<S extends string> {
  private readonly states: readonly S[];
  private readonly lines = new Map<string, { label: string; counts: Record<S, number> }>();

  constructor(states: readonly S[]) {
    this.states = states;
  }

  add(key: string, label: string, state: S, n: number): void {
    let line = this.lines.get(key);
    if (!line) {
      line = { label, counts: Object.fromEntries(this.states.map((s) => [s, 0])) as Record<S, number> };
      this.lines.set(key, line);
    }
    line.counts[state] += n;
  }

  rows(order: readonly string[] = []): Array<{ key: string; label: string; total: number } & Record<S, number>> {
    const rank = (key: string): number => {
      const i = order.indexOf(key);
      return i < 0 ? order.length : i;
    };
    return [...this.lines]
      .map(([key, l]) => ({ key, label: l.label, total: this.states.reduce((sum, s) => sum + l.counts[s], 0), ...l.counts }))
      .sort((a, b) => rank(a.key) - rank(b.key) || b.total - a.total || a.label.localeCompare(b.label, 'vi'));
  }

  // All lines together (every document is on exactly one line of each breakdown).
  totals(): { total: number } & Record<S, number> {
    const sums = Object.fromEntries(this.states.map((s) => [s, 0])) as Record<S, number>;
    for (const l of this.lines.values()) for (const s of this.states) sums[s] += l.counts[s];
    return { total: this.states.reduce((sum, s) => sum + sums[s], 0), ...sums };
  }
}
