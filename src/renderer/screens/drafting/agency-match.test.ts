import { describe, expect, it } from 'vitest';
import { pickedAgency } from './agency-match.ts';

const item = (code: string, name: string) => ({ code, name, parentCode: null, mail: null });

describe('pickedAgency', () => {
  it('takes the organId of the one suggestion whose name was picked', () => {
    const items = [item('000.47.24.H17', 'Ủy ban nhân dân xã Hòa Phong'), item('000.46.24.H17', 'Ủy ban nhân dân xã Hòa Tiến')];
    expect(pickedAgency(items, 'Ủy ban nhân dân xã Hòa Phong')?.code).toBe('000.47.24.H17');
    expect(pickedAgency(items, 'Ủy ban nhân dân xã Hòa')).toBeNull();
  });

  it('picks nothing when two agencies share the name', () => {
    expect(pickedAgency([item('A.1', 'Văn phòng'), item('B.1', 'Văn phòng')], 'Văn phòng')).toBeNull();
  });
});
