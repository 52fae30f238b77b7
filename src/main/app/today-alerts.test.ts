import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.ts';
import type { DueHandovers } from '../../shared/api/schemas/casefiles.ts';
import type { TodaySummary } from '../../shared/api/schemas/today.ts';
import { BADGE_SIZE } from './badge-bitmap.ts';
import { taskbarCount } from './taskbar-badge.ts';
import { startTodayAlerts, type TodayAlerts } from './today-alerts.ts';

function summary(inbox: Array<{ id: number; subject: string }>, overdue = 0): TodaySummary {
  const rows = inbox.map((r) => ({ ...r, businessType: 'new' as const, fromName: 'Sở Nội vụ', fromOrganId: '000.00.12.H17', codeNumber: '1', codeNotation: 'SNV', priority: 'thuong' as const, receivedAt: '2026-06-05T02:00:00.000Z' }));
  return {
    today: '2026-06-05',
    horizonDays: 3,
    horizonEnd: '2026-06-10',
    inbox: { total: rows.length, rows, newest: rows.at(-1) ?? null },
    urgent: { total: 0, rows: [] },
    deadlines: { overdue, dueSoon: 0, rows: [] },
    unissued: { total: 0, late: 0, rows: [] },
    outbox: { documents: 0, statuses: 0, rows: [] },
    sync: { configured: true, running: false, lastRun: null, lastSuccessAt: null, network: null },
  };
}

const NONE_DUE: DueHandovers = { today: '2026-06-05', withinDays: 30, files: [] };

describe('the shell\'s alerts loop', () => {
  let alerts: TodayAlerts | null = null;
  afterEach(() => alerts?.dispose());

  it('shows what the decision says and sets the count only when it changes', async () => {
    let next: TodaySummary | Error = new Error('Chưa có thông tin cơ quan');
    const shown: string[] = [];
    const counts: number[] = [];
    alerts = startTodayAlerts(
      {
        read: () => {
          if (next instanceof Error) throw next;
          return next;
        },
        readDueHandovers: () => NONE_DUE,
        notify: (n) => shown.push(`${n.kind}: ${n.body}`),
        setCount: (c) => counts.push(c),
      },
      silentLogger,
      3_600_000,
    );
    // Before the first run: nothing, and no crash.
    await alerts.check();
    expect([shown, counts]).toEqual([[], []]);

    next = summary([{ id: 1, subject: 'Đã có từ trước' }], 1);
    await alerts.check();
    expect(shown).toEqual(['deadline: 1 văn bản quá hạn xử lý. Xem trên màn hình Hôm nay.']);
    expect(counts).toEqual([2]);

    await alerts.check();
    expect(counts).toEqual([2]);

    next = summary([{ id: 1, subject: 'Đã có từ trước' }, { id: 2, subject: 'Mới về' }], 1);
    await alerts.check();
    expect(shown.at(-1)).toBe('new-document: Mới về — Sở Nội vụ. Đang chờ tiếp nhận: 2 văn bản.');
    expect(counts).toEqual([2, 3]);
  });

  it('reads once at a time', async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    alerts = startTodayAlerts(
      {
        read: () => {
          reads++;
          return new Promise<TodaySummary>((resolve) => (release = () => resolve(summary([])))) as unknown as TodaySummary;
        },
        readDueHandovers: () => NONE_DUE,
        notify: () => undefined,
        setCount: () => undefined,
      },
      silentLogger,
      3_600_000,
    );
    const a = alerts.check();
    const b = alerts.check();
    release();
    await Promise.all([a, b]);
    expect(reads).toBe(1);
  });
});

describe('the files due at the agency archive in the alerts loop', () => {
  let alerts: TodayAlerts | null = null;
  afterEach(() => alerts?.dispose());

  it('announces them with the day\'s first summary and counts the overdue ones', async () => {
    let due: DueHandovers | Error = new Error('Chưa có thông tin cơ quan');
    const shown: string[] = [];
    const counts: number[] = [];
    alerts = startTodayAlerts(
      {
        read: () => summary([]),
        readDueHandovers: () => {
          if (due instanceof Error) throw due;
          return due;
        },
        notify: (n) => shown.push(`${n.kind}: ${n.body}`),
        setCount: (c) => counts.push(c),
      },
      silentLogger,
      3_600_000,
    );
    // A read that fails is skipped as a whole: no half-told day.
    await alerts.check();
    expect([shown, counts]).toEqual([[], []]);

    const overdue = { file: { notation: '01.VP', year: 2025, title: 'Hồ sơ thi đua khen thưởng' }, dueDate: '2026-06-01', daysLeft: -4 };
    due = { today: '2026-06-05', withinDays: 30, files: [overdue as unknown as DueHandovers['files'][number]] };
    await alerts.check();
    expect(shown).toEqual(['handover: Hồ sơ 01.VP năm 2025 (Hồ sơ thi đua khen thưởng) quá hạn nộp lưu từ ngày 01/06/2026. Xem trên màn hình Hôm nay.']);
    expect(counts).toEqual([1]);
    await alerts.check();
    expect(shown).toHaveLength(1);
  });
});

describe('the count on the taskbar', () => {
  it('is the app badge on macOS and Linux', () => {
    const badges: number[] = [];
    const set = taskbarCount({ platform: 'linux', app: { setBadgeCount: (c = 0) => badges.push(c) > 0 }, window: () => null, imageFromBitmap: () => null });
    set(4);
    set(0);
    expect(badges).toEqual([4, 0]);
  });

  it('is an overlay icon with a description on Windows, removed at 0', () => {
    const overlays: Array<[unknown, string]> = [];
    const images: Array<{ bytes: number; width: number; height: number }> = [];
    const set = taskbarCount({
      platform: 'win32',
      app: {
        setBadgeCount: () => {
          throw new Error('not on Windows');
        },
      },
      window: () => ({ setOverlayIcon: (image, description) => void overlays.push([image, description]), isDestroyed: () => false }),
      imageFromBitmap: (bitmap, size) => {
        images.push({ bytes: bitmap.length, ...size });
        return 'image';
      },
    });
    set(12);
    set(0);
    expect(images).toEqual([{ bytes: BADGE_SIZE * BADGE_SIZE * 4, width: 16, height: 16 }]);
    expect(overlays).toEqual([
      ['image', '9+ việc cần làm hôm nay'],
      [null, ''],
    ]);
  });
});
