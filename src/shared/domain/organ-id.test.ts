import { describe, expect, it } from 'vitest';
import { isQcvn102OrganId, isValidOrganId, qcvn102Parent } from './organ-id.ts';

describe('mã định danh', () => {
  it('accepts QCVN 102 and Decision 20/2020 identifiers', () => {
    expect(isValidOrganId('000.46.24.H44')).toBe(true);
    expect(isValidOrganId('H37.02.02')).toBe(true);
    expect(isValidOrganId('000.46.24.h44')).toBe(false);
    expect(isValidOrganId('000..24.H44')).toBe(false);
    expect(isValidOrganId('A'.repeat(36))).toBe(false);
  });

  it('finds the parent by zeroing the lowest non-zero level', () => {
    expect(isQcvn102OrganId('000.46.24.H44')).toBe(true);
    expect(qcvn102Parent('000.46.24.H44')).toBe('000.00.24.H44');
    expect(qcvn102Parent('000.00.24.H44')).toBe('000.00.00.H44');
    expect(qcvn102Parent('000.00.00.H44')).toBeNull();
    expect(qcvn102Parent('H37.02.02')).toBeNull();
  });
});
