const counts = new Intl.NumberFormat('vi-VN');
const decimals = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

// 100000 → "100.000", as Vietnamese readers group digits.
export function showCount(n: number): string {
  return counts.format(n);
}

export function showBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${decimals.format(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${decimals.format(bytes / (1024 * 1024))} MB`;
  return `${decimals.format(bytes / (1024 * 1024 * 1024))} GB`;
}
