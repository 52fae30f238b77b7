import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digitise } from '../../src/main/copies/digitise.ts';
import { distributeCopy } from '../../src/main/copies/distribute-copy.ts';
import { makeElectronicCopy } from '../../src/main/copies/make-copy.ts';
import { getDocument } from '../../src/main/registry/documents.ts';
import { registerOutgoing } from '../../src/main/registry/outgoing.ts';
import { outgoingInput } from '../../src/shared/api/schemas/documents.ts';
import { digitiseInput, makeElectronicCopyInput } from '../../src/shared/api/schemas/copies.ts';
import { bridgeCall } from '../support/bridge.ts';
import { outgoing } from '../support/documents.ts';
import { softwareToken } from '../support/issued-document.ts';
import { base64Of, scanImages } from '../support/scans.ts';
import { type BridgeDesks, bridgeDesks, syncThroughApi } from '../support/sync-bridges.ts';
import { AGENCY_B } from '../support/sync-desks.ts';
import { createTestPki } from '../support/test-pki.ts';

// Paper to electronic, sent like any outgoing document (Art. 18.6 → 25.1.c): on desk A a letter
// signed on paper is digitised, made an electronic SAO Y with the agency key and queued; the
// sync sends it through the reference hub and desk B receives it, its signature checked.
// (The key is a software one here: the SoftHSM path is in copies-api.test.ts.)
describe('an electronic copy of a paper document through the hub', () => {
  let env: BridgeDesks;
  let subject = '';

  beforeAll(async () => {
    const pki = await createTestPki();
    env = await bridgeDesks({
      probeTimeoutMs: 1000,
      prepareA: async (a, scratch) => {
        const doc = registerOutgoing(a, outgoingInput.parse(outgoing({ subject: 'Về việc lịch tiếp công dân (bản giấy)' })));
        const pages = await scanImages(scratch, 'hub-letter', { dpi: 200, format: 'png' });
        const made = await digitise(
          a,
          digitiseInput.parse({ documentId: doc.id, paperKind: 'original', images: pages.map((p, i) => ({ name: `trang-${i + 1}.png`, dataBase64: base64Of(p) })) }),
        );
        const { access, resources } = softwareToken(pki.agency, [pki.root]);
        const copy = await makeElectronicCopy(
          a,
          access,
          resources,
          makeElectronicCopyInput.parse({ documentId: doc.id, sourceSha256: made.file.sha256, kind: 'sao-y', modulePath: 'software', tokenSerial: 'software', certificateId: '01', pin: null }),
        );
        distributeCopy(a, copy.id, [{ name: AGENCY_B.name, organId: AGENCY_B.organId }]);
        subject = getDocument(a, copy.copyDocumentId).subject;
      },
    });
  }, 180_000);
  afterAll(() => env?.close());

  it('sends the SAO Y from A and B receives it numbered 01/SY-UBND with its one signed file', async () => {
    expect((await bridgeCall(env.a, 'sync.state', {})).pending.documents).toBe(1);
    const sent = await syncThroughApi(env.a);
    expect(sent.final.lastRun).toMatchObject({ outcome: 'ok', sent: 1 });
    const received = await syncThroughApi(env.b);
    expect(received.final.lastRun).toMatchObject({ outcome: 'ok', received: 1 });
    const list = await bridgeCall(env.b, 'inbox.list', {});
    expect(list.rows.map((r) => [r.codeNumber, r.codeNotation, r.documentTypeName, r.subject, r.fromName])).toEqual([
      ['01', 'SY-UBND', 'Bản sao y', subject, 'Ủy ban nhân dân xã Hòa Tiến'],
    ]);
    const detail = await bridgeCall(env.b, 'inbox.get', { id: list.rows[0]!.id });
    expect(detail.files).toHaveLength(1);
    expect(detail.files[0]!.name).toMatch(/-sao-y\.pdf$/);
    expect(detail.files[0]!.report?.signatures.map((s) => s.checks.integrity.status)).toEqual(['ok']);
  }, 120_000);
});
