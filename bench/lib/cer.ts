// Character errors of a recognised text against the truth: the Levenshtein distance (insertions,
// deletions, substitutions) over NFC code points with spaces collapsed. A missing text costs
// every character of the truth. Divided by the truth's length it is the character error rate.
export function characterErrors(recognised: string, truth: string): number {
  const norm = (s: string): string[] => [...s.normalize('NFC').replace(/\s+/g, ' ').trim()];
  const a = norm(recognised);
  const b = norm(truth);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = row;
  }
  return previous[b.length] as number;
}
