// "CN=Nguyễn Văn An, T=Chủ tịch, O=UBND xã…" → "Nguyễn Văn An"; the whole name when it has no CN.
export function commonName(distinguishedName: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(distinguishedName)?.[1]?.trim() ?? distinguishedName;
}
