// Mã định danh (edxml.md): treated as an opaque string of A-Z, 0-9 and dots, at most 35
// characters, because QCVN 102 (13 characters, right-to-left) and Decision 20/2020 (up to 35,
// left-to-right) identifiers both circulate.
const ORGAN_ID = /^[A-Z0-9]+(\.[A-Z0-9]+)*$/;
const QCVN102 = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export function isValidOrganId(id: string): boolean {
  return id.length <= 35 && ORGAN_ID.test(id);
}

export function isQcvn102OrganId(id: string): boolean {
  return QCVN102.test(id);
}

// The parent of a QCVN 102 identifier: zero the lowest non-zero level (level 4 is the leftmost
// group). Returns null for a level-1 identifier or a non-QCVN form.
export function qcvn102Parent(id: string): string | null {
  if (!isQcvn102OrganId(id)) return null;
  const [v, z, y, m] = id.split('.') as [string, string, string, string];
  if (v !== '000') return `000.${z}.${y}.${m}`;
  if (z !== '00') return `000.00.${y}.${m}`;
  if (y !== '00') return `000.00.00.${m}`;
  return null;
}
