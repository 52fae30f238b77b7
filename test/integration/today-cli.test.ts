import { afterAll, describe, expect, it } from 'vitest';
import { today } from '../../src/main/registry/clock.ts';
import type { TodaySummary } from '../../src/shared/api/schemas/today.ts';
import { vanthu } from '../support/cli.ts';
import { addIncoming } from '../support/documents.ts';
import { newProfile } from '../support/temp-profile.ts';

// `vanthu today`: the same summary as the home screen, from a separate process on the real clock.
describe('vanthu today', () => {
  const t = newProfile();
  const day = today(t.profile.clock);
  addIncoming(t.profile, { subject: 'Báo cáo hôm nay', dueDate: day });
  addIncoming(t.profile, { subject: 'Hỏa tốc chưa trình', priority: 'Hỏa tốc' });
  t.profile.close();
  afterAll(() => t.cleanup());

  it('answers the summary as JSON and as lines for the clerk', () => {
    const json = vanthu(['today', '--profile', t.dir, '--json']);
    expect(json.status).toBe(0);
    const s = json.json<TodaySummary>();
    expect(s).toMatchObject({ today: day, horizonDays: 3, deadlines: { overdue: 0, dueSoon: 1 }, urgent: { total: 1 }, sync: { configured: false, running: false } });

    const text = vanthu(['today', '--profile', t.dir, '--days', '0']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('hạn xử lý trong 0 ngày làm việc');
    expect(text.stdout).toContain('Văn bản khẩn chưa trình: 1');
    expect(text.stdout).toMatch(/Hạn xử lý \(quá hạn 0, sắp đến hạn 1\): 1\n {2}số đến 1\/\d{4} hạn \d{2}\/\d{2}\/\d{4}: Báo cáo hôm nay/);
    expect(text.stdout).toContain('Chưa đồng bộ lần nào.');
  });

  it('refuses a horizon out of range as bad input', () => {
    const r = vanthu(['today', '--profile', t.dir, '--days', '99']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Lỗi:');
  });
});
