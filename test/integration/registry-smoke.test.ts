import { afterEach, describe, expect, it } from 'vitest';
import { incomingInput, outgoingInput, listQuery } from '../../src/shared/api/schemas/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { registerOutgoing } from '../../src/main/registry/outgoing.ts';
import { listDocuments } from '../../src/main/registry/listing.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

describe('registry smoke', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('registers incoming and outgoing and finds them', () => {
    const clock = fixedClock('2026-03-05T02:00:00Z');
    const t = newProfile(clock);
    cleanup = t.cleanup;
    const inc = registerIncoming(
      t.profile,
      incomingInput.parse({
        issuingAgency: 'UBND tỉnh Đồng Nai',
        codeNumber: '15',
        codeNotation: 'QĐ-UBND',
        documentDate: '2026-03-01',
        documentType: 'Quyết định',
        subject: 'Về việc thành lập đoàn kiểm tra',
      }),
    );
    expect(inc.number).toBe(1);
    const out = registerOutgoing(
      t.profile,
      outgoingInput.parse({ documentType: 'Công văn', subject: 'V/v báo cáo', signerName: 'Nguyễn Văn A', unitAbbreviation: 'VP' }),
    );
    expect(`${out.codeNumber}/${out.codeNotation}`).toBe('01/UBND-VP');
    const found = listDocuments(t.profile, listQuery.parse({ direction: 'incoming', query: 'dong nai' }));
    expect(found.rows.map((r) => r.id)).toEqual([inc.id]);
  });
});
