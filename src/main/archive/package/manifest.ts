// MANIFEST.sha256 at the package's root: one line per file, "<sha256 hex>  <path>", paths with
// "/" and sorted, the manifest itself not listed. It is the format of `sha256sum`, so an archive
// without VanThu can check a package with `sha256sum -c MANIFEST.sha256`.
export const MANIFEST_NAME = 'MANIFEST.sha256';

export interface ManifestEntry {
  readonly sha256: string;
  readonly path: string;
}

export function formatManifest(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.path}\n`)
    .join('');
}

// A path a manifest may name: relative, forward slashes, no "." or ".." part, no control
// characters; anything else could reach outside the package.
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /[\u0000-\u001f\u007f:]/.test(path)) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export type ParsedManifest = { readonly entries: ManifestEntry[]; readonly bad: { line: number; text: string }[] };

export function parseManifest(text: string): ParsedManifest {
  const entries: ManifestEntry[] = [];
  const bad: { line: number; text: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw === '' && i === text.split('\n').length - 1) return;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(raw);
    if (!m || !isSafeRelativePath(m[2]!)) bad.push({ line: i + 1, text: raw.slice(0, 120) });
    else entries.push({ sha256: m[1]!, path: m[2]! });
  });
  return { entries, bad };
}
