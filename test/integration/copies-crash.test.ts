import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection.ts';
import { integrityCheck } from '../../src/main/db/integrity.ts';
import { openProfile, type Profile } from '../../src/main/profile/open-profile.ts';
import { listAttachments } from '../../src/main/registry/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { previewOutgoingNumber } from '../../src/main/registry/outgoing.ts';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { COPY_DOCUMENT_TYPES } from '../../src/shared/domain/copy-rules.ts';
import { ROOT } from '../support/cli.ts';
import { incoming } from '../support/documents.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { newProfile } from '../support/temp-profile.ts';
import { until } from '../support/until.ts';

// Node 24 from the "node" devDependency: better-sqlite3 does not load in the system's Node 20.
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const CHILD = join(ROOT, 'test', 'support', 'copy-burst-child.ts');
const RUNS = 8;
const SAO_Y = COPY_DOCUMENT_TYPES['sao-y'];

interface Ack {
  readonly id: number;
  readonly notation: string;
}

function storedFiles(dir: string): Set<string> {
  return new Set(readdirSync(join(dir, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name));
}

// Runs the child making `count` paper copies; `kill` decides when to SIGKILL it (given the acks
// so far), or never. Resolves with the acknowledged copies and how the child ended.
function copies(dir: string, source: { id: number; sha256: string }, count: number, children: Set<ChildProcess>, kill: (child: ChildProcess, acks: readonly Ack[]) => void) {
  return new Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(NODE, [CHILD, dir, String(source.id), source.sha256, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ACK (\d+) (\S+)$/.exec(line);
        if (!m) continue;
        acks.push({ id: Number(m[1]), notation: m[2]! });
        kill(child, acks);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ acks, signal, code, stderr });
    });
    kill(child, acks);
  });
}

// What must hold after any crash in the copies series: every acknowledged copy is there with its
// number; the series is numbered 1..n, each once (no gap, no duplicate); every number belongs to
// a complete copy (its register row, its copies record, its file linked and intact, its one
// copy.make audit entry): a copy is all there or not at all.
function checkCopies(p: Profile, acked: readonly Ack[]): number {
  expect(integrityCheck(p.db, 'full')).toEqual([]);
  expect(p.audit.verify()).toMatchObject({ ok: true });
  const rows = p.db
    .prepare(
      `SELECT d.id, d.number, d.code_number || '/' || d.code_notation AS notation,
              c.id AS copyId, c.output_sha256 AS sha256, f.size AS size,
              (SELECT count(*) FROM document_files df WHERE df.document_id = d.id AND df.sha256 = c.output_sha256) AS linked,
              (SELECT count(*) FROM audit_log a WHERE a.action = 'copy.make' AND a.entity_type = 'document' AND a.entity_id = CAST(d.id AS TEXT)) AS audited
       FROM documents d LEFT JOIN copies c ON c.copy_document_id = d.id LEFT JOIN files f ON f.sha256 = c.output_sha256
       WHERE d.direction = 'outgoing' AND d.document_type = ? ORDER BY d.number`,
    )
    .all(SAO_Y) as Array<{ id: number; number: number; notation: string; copyId: number | null; sha256: string | null; size: number | null; linked: number; audited: number }>;
  expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
  for (const r of rows) {
    expect(r.notation, `copy ${r.id}`).toBe(`${String(r.number).padStart(2, '0')}/SY-UBND`);
    expect(r.copyId, `copy ${r.notation} has its copies record`).not.toBeNull();
    expect({ linked: r.linked, audited: r.audited }, `copy ${r.notation}`).toEqual({ linked: 1, audited: 1 });
    expect(p.blobs.check(r.sha256 as string, r.size as number), `file of copy ${r.notation}`).toBe('ok');
  }
  const byId = new Map(rows.map((r) => [r.id, r.notation]));
  for (const ack of acked) expect(byId.get(ack.id), `acknowledged copy ${ack.notation}`).toBe(ack.notation);
  return rows.length;
}

describe('crash durability of copy numbering (copies series, docs/copies.md)', () => {
  const children = new Set<ChildProcess>();
  let setup: ReturnType<typeof newProfile>;
  let source: { id: number; sha256: string };
  const open = () => openProfile(setup.dir, { actor: 'crash-test' });

  beforeAll(async () => {
    setup = newProfile();
    const pdf = await draftPdf(join(setup.dir, '..', 'den.pdf'), { pages: 2 });
    const doc = registerIncoming(
      setup.profile,
      incomingInput.parse({ ...incoming({ subject: 'Về việc phòng chống bão' }), attachments: [{ name: 'cong-van-den.pdf', dataBase64: readFileSync(pdf).toString('base64') }] }),
    );
    source = { id: doc.id, sha256: listAttachments(setup.profile, doc.id)[0]!.sha256 };
    setup.profile.close();
  });
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
  });
  afterAll(() => setup.cleanup());

  it('killed between the stored copy PDF and its commit: no number used, and the next copy takes it', { timeout: 60_000 }, async () => {
    const before = storedFiles(setup.dir);
    // Holding the write lock stops the child exactly there: the block PDF (printed with the
    // number 01) is durable in the store, and the commit that takes the number waits for the lock.
    const lock = openDatabase(join(setup.dir, 'vanthu.db'));
    lock.exec('BEGIN IMMEDIATE');
    let killed: Awaited<ReturnType<typeof copies>>;
    try {
      const running = copies(setup.dir, source, 1, children, () => undefined);
      // Within the database's 5 s busy timeout, after which the child would give up by itself.
      await until('the printed copy in the store', () => [...storedFiles(setup.dir)].some((f) => !before.has(f)) || undefined, 4_000);
      for (const child of children) child.kill('SIGKILL');
      killed = await running;
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killed.acks).toEqual([]);
    const printed = [...storedFiles(setup.dir)].filter((f) => !before.has(f));
    expect(printed).toHaveLength(1);

    const p = open();
    try {
      expect(checkCopies(p, [])).toBe(0);
      // The printed PDF is an unreferenced stored file; the number it carries was not used.
      expect(p.db.prepare('SELECT count(*) FROM files WHERE sha256 = ?').pluck().get(printed[0])).toBe(0);
      expect(previewOutgoingNumber(p, { documentType: SAO_Y, documentDate: null, unitAbbreviation: null })).toMatchObject({ codeNumber: '01', codeNotation: 'SY-UBND' });
    } finally {
      p.close();
    }

    const again = await copies(setup.dir, source, 1, children, () => undefined);
    expect(again.code, again.stderr).toBe(0);
    expect(again.acks.map((a) => a.notation)).toEqual(['01/SY-UBND']);
    const q = open();
    try {
      expect(checkCopies(q, again.acks)).toBe(1);
    } finally {
      q.close();
    }
  });

  it(`keeps every acknowledged copy, numbered without a gap or a duplicate, through ${RUNS} SIGKILLs at random moments`, { timeout: 180_000 }, async () => {
    const acked: Ack[] = [];
    let count = (() => {
      const p = open();
      try {
        return checkCopies(p, []);
      } finally {
        p.close();
      }
    })();
    for (let run = 1; run <= RUNS; run++) {
      // Armed by the first acknowledgement (the child is past start-up), the kill lands up to
      // 300 ms later: printing the next copy's block, storing it, inside its commit, or between.
      let armed = false;
      const result = await copies(setup.dir, source, 1_000, children, (child, acks) => {
        if (armed || acks.length === 0) return;
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 300));
      });
      expect(result.signal, `run ${run} ended by itself: ${result.stderr}`).toBe('SIGKILL');
      acked.push(...result.acks);
      const p = open();
      try {
        const after = checkCopies(p, acked);
        // This run's acknowledged copies, and at most one more: the one whose commit the kill
        // overtook before its ACK was read.
        expect([result.acks.length, result.acks.length + 1]).toContain(after - count);
        count = after;
      } finally {
        p.close();
      }
    }
    expect(new Set(acked.map((a) => a.notation)).size).toBe(acked.length);
  });
});
