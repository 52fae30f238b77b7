import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection.ts';
import { integrityCheck } from '../../src/main/db/integrity.ts';
import { approveIssuance, submitIssuance } from '../../src/main/issuance/approve.ts';
import { createIssuance } from '../../src/main/issuance/create-issuance.ts';
import { getIssuance } from '../../src/main/issuance/issuance-repo.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { previewOutgoingNumber } from '../../src/main/registry/outgoing.ts';
import { startTokenClient } from '../../src/main/signing/pkcs11/token-client.ts';
import { saveSigningSettings } from '../../src/main/signing/signing-settings.ts';
import { ROOT } from '../support/cli.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { CERT_IDS, createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { newProfile } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';
import { programResources } from '../../src/main/program/resources.ts';

const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const CHILD = join(ROOT, 'test', 'support', 'issuance-number-child.ts');

function storedFiles(dir: string): Set<string> {
  return new Set(readdirSync(join(dir, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name));
}

async function until(what: string, check: () => boolean, ms = 4_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

// A crash in the middle of the numbering step, at the one moment that matters: the filled PDF is
// durable in the store and the transaction that takes the number has not committed. To stop the
// step exactly there without a hook in the code, the test holds the database's write lock: the
// child fills and stores the PDF, then waits for the lock in BEGIN IMMEDIATE, and is SIGKILLed
// while it waits. The document must come back approved, with no number used.
describe('issuance: a crash between the filled PDF and the numbering commit', () => {
  let hsm: SoftHsm;
  let setup: ReturnType<typeof newProfile>;
  let id = 0;

  beforeAll(async () => {
    const pki = await createTestPki();
    hsm = await createSoftHsm(pki, { labels: ['LANH-DAO'] });
    setup = newProfile();
    const p = setup.profile;
    saveSigningSettings(p, { signatureImageBase64: readFileSync(join(ROOT, 'resources', 'signing', 'signature-placeholder.png')).toString('base64') });
    const main = await draftPdf(join(setup.dir, '..', 'draft.pdf'), { place: 'Xã Hòa Tiến,' });
    const draft = createIssuance(p, {
      documentType: 'Quyết định', subject: 'Thử mất điện khi cấp số', unitAbbreviation: null, signerName: 'Nguyễn Văn An', signerPosition: null,
      signerCompetence: null, priority: 'thuong', secrecy: 'none', recipients: [{ name: 'Sở Nội vụ', organId: null }], archive: null, copies: null,
      notes: null, main: { name: 'quyet-dinh.pdf', data: readFileSync(main) }, attachments: [], placeholders: null,
    });
    id = draft.id;
    submitIssuance(p, id);
    const client = startTokenClient({ env: { ...hsm.env } });
    try {
      const token = hsm.tokens[0]!;
      await approveIssuance(p, id, { access: { client, modulePath: hsm.modulePath, tokenSerial: token.serial, certificateId: CERT_IDS.rsa, pin: token.pin }, resources: programResources() });
    } finally {
      await client.close();
    }
    p.close();
  }, 120_000);
  afterAll(() => {
    hsm.cleanup();
    setup.cleanup();
  });

  it('resumes approved with no number consumed, then numbers 01', async () => {
    const before = storedFiles(setup.dir);
    const lock = openDatabase(join(setup.dir, 'vanthu.db'));
    lock.exec('BEGIN IMMEDIATE');
    const child = spawn(NODE, [CHILD, setup.dir, String(id)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    try {
      await until('the filled PDF in the store', () => [...storedFiles(setup.dir)].some((f) => !before.has(f)));
      child.kill('SIGKILL');
      expect(await closed, stderr).toBe('SIGKILL');
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    const filled = [...storedFiles(setup.dir)].filter((f) => !before.has(f));
    expect(filled).toHaveLength(1);

    const p = openProfile(setup.dir, { actor: 'crash-test' });
    try {
      expect(integrityCheck(p.db, 'full')).toEqual([]);
      expect(p.audit.verify()).toMatchObject({ ok: true });
      expect(getIssuance(p, id)).toMatchObject({ state: 'approved', documentId: null, codeNumber: null });
      expect(p.db.prepare("SELECT count(*) FROM documents WHERE direction = 'outgoing'").pluck().get()).toBe(0);
      expect(p.db.prepare('SELECT count(*) FROM files WHERE sha256 = ?').pluck().get(filled[0])).toBe(0);
      expect(previewOutgoingNumber(p, { documentType: 'Quyết định', documentDate: null, unitAbbreviation: null }).number).toBe(1);
    } finally {
      p.close();
    }

    // Run again to the end: the step completes from the committed state with the first number.
    const again = spawn(NODE, [CHILD, setup.dir, String(id)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    again.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    again.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => again.on('close', resolve));
    expect(code, err).toBe(0);
    expect(out.trim()).toBe('DONE 01');
    const q = openProfile(setup.dir, { actor: 'crash-test' });
    try {
      expect(getIssuance(q, id)).toMatchObject({ state: 'numbered', codeNumber: '01', codeNotation: 'QĐ-UBND' });
      expect(q.db.prepare("SELECT number FROM documents WHERE direction = 'outgoing'").pluck().all()).toEqual([1]);
    } finally {
      q.close();
    }
  }, 60_000);
});
