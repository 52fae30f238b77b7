import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessingHistory } from '../../src/shared/api/schemas/processing.ts';
import type { ReplyLink, ReplyLinks } from '../../src/shared/api/schemas/replies.ts';
import { ROOT, vanthu } from '../support/cli.ts';
import { tempDir } from '../support/temp-profile.ts';

// `vanthu reply link|unlink|list` on a real profile in a separate process: a directly registered
// outgoing document answers an incoming one and closes it.
describe('vanthu reply', () => {
  const t = tempDir('vanthu-replies-cli-');
  const profile = join(t.dir, 'profile');

  beforeAll(() => {
    expect(vanthu(['init', '--profile', profile, '--agency', join(ROOT, 'resources', 'demo', 'agency.json')]).status).toBe(0);
    const doc = { issuingAgency: 'Sở Nội vụ', codeNumber: '21', codeNotation: 'SNV-VP', documentDate: '2026-01-05', documentType: 'Công văn', subject: 'Về việc rà soát biên chế' };
    writeFileSync(join(t.dir, 'in.json'), JSON.stringify(doc));
    expect(vanthu(['incoming', 'add', '--profile', profile, join(t.dir, 'in.json')]).status).toBe(0);
    const out = { documentType: 'Công văn', unitAbbreviation: 'VP', subject: 'V/v báo cáo biên chế', signerName: 'Nguyễn Văn An', signerPosition: 'Chủ tịch' };
    writeFileSync(join(t.dir, 'out.json'), JSON.stringify(out));
    expect(vanthu(['outgoing', 'add', '--profile', profile, join(t.dir, 'out.json')]).status).toBe(0);
  });
  afterAll(() => t.cleanup());

  it('links, lists from both sides, refuses to unlink a closed one and a wrong call with exit 2', () => {
    expect(vanthu(['reply', 'link', '--profile', profile, '--incoming', '1']).status).toBe(2);
    expect(vanthu(['reply', 'link', '--profile', profile, '--incoming', '2', '--outgoing', '2']).status).toBe(2);
    const r = vanthu(['reply', 'link', '--profile', profile, '--incoming', '1', '--outgoing', '2', '--json']);
    expect(r.status).toBe(0);
    const l = r.json<ReplyLink>();
    expect(l.closedEntryId).not.toBeNull();
    const shown = vanthu(['reply', 'list', '--profile', profile, '--document', '1']);
    expect(shown.stdout).toMatch(/văn bản đi số 01\/UBND-VP trả lời văn bản đến số 1\/\d{4} \(21\/SNV-VP\): đã đóng xử lý/);
    expect(vanthu(['reply', 'list', '--profile', profile, '--document', '2', '--json']).json<ReplyLinks>().links).toHaveLength(1);
    const h = vanthu(['processing', 'history', '--profile', profile, '--id', '1', '--json']).json<ProcessingHistory>();
    expect(h.document).toMatchObject({ processingStatus: 'done', replyNotation: '01/UBND-VP' });
    const refused = vanthu(['reply', 'unlink', '--profile', profile, '--link', String(l.id)]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/không bỏ liên kết được/);
  });
});
