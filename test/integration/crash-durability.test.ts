import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { integrityCheck } from '../../src/main/db/integrity.ts';
import { openProfile, type Profile } from '../../src/main/profile/open-profile.ts';
import { ROOT } from '../support/cli.ts';
import { newProfile } from '../support/temp-profile.ts';

const RUNS = 24;
// Node 24 from the "node" devDependency: better-sqlite3 does not load in the system's Node 20.
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const BURST = join(ROOT, 'test', 'support', 'registration-burst.ts');

interface Ack {
  readonly id: number;
  readonly number: number;
}

// Starts a burst of registrations on the profile and SIGKILLs it at a random moment once the
// registrations are flowing: the first acknowledgement shows the child is past start-up, then a
// random wait of up to 150 ms lands the kill anywhere in a registration — staging a file, inside
// the transaction, in the commit's fsync, or between two registrations.
function burstAndKill(dir: string, run: number, children: Set<ChildProcess>): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [BURST, dir, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ACK (\d+) (\d+)$/.exec(line);
        if (!m) continue;
        acks.push({ id: Number(m[1]), number: Number(m[2]) });
        killTimer ??= setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 150));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      children.delete(child);
      if (signal !== 'SIGKILL') reject(new Error(`burst ${run} ended by itself (code ${code}): ${stderr}`));
      else resolve(acks);
    });
  });
}

function incomingNumbering(p: Profile): Array<{ registerId: number; n: number; uniq: number; lo: number; hi: number }> {
  return p.db
    .prepare(
      `SELECT register_id AS registerId, count(*) AS n, count(DISTINCT number) AS uniq, min(number) AS lo, max(number) AS hi
       FROM documents WHERE direction = 'incoming' GROUP BY register_id`,
    )
    .all() as Array<{ registerId: number; n: number; uniq: number; lo: number; hi: number }>;
}

// What must hold after any crash: acknowledged means durable, numbers gapless, nothing torn.
function checkAfterCrash(dir: string, acked: readonly Ack[]): { documents: number; files: number } {
  const p = openProfile(dir, { actor: 'crash-test' });
  try {
    expect(integrityCheck(p.db, 'full')).toEqual([]);
    expect(p.audit.verify()).toMatchObject({ ok: true });

    const byId = p.db.prepare("SELECT number FROM documents WHERE id = ? AND direction = 'incoming'");
    for (const ack of acked) {
      expect(byId.get(ack.id), `acknowledged document ${ack.id} (số đến ${ack.number})`).toEqual({ number: ack.number });
    }

    for (const register of incomingNumbering(p)) {
      expect(register, `register ${register.registerId} numbers 1..n, each once`).toMatchObject({ lo: 1, hi: register.n, uniq: register.n });
    }

    // A registration and its audit entry commit together: no row without its entry, none twice.
    const unaudited = p.db
      .prepare(
        `SELECT count(*) AS n FROM documents d WHERE d.direction = 'incoming' AND (SELECT count(*) FROM audit_log a
           WHERE a.action = 'incoming.register' AND a.entity_type = 'document' AND a.entity_id = CAST(d.id AS TEXT)) <> 1`,
      )
      .get() as { n: number };
    expect(unaudited.n).toBe(0);

    const files = p.db
      .prepare('SELECT df.document_id AS documentId, f.sha256, f.size FROM document_files df JOIN files f ON f.sha256 = df.sha256')
      .all() as Array<{ documentId: number; sha256: string; size: number }>;
    for (const f of files) expect(p.blobs.check(f.sha256, f.size), `file of document ${f.documentId}`).toBe('ok');
    // The burst gives a scan to every third registration (the i of code number run·100000 + i):
    // exactly those documents have one file each — no scan lost, none attached to another.
    const scanned = p.db
      .prepare("SELECT id FROM documents WHERE direction = 'incoming' AND CAST(code_number AS INTEGER) % 100000 % 3 = 0 ORDER BY id")
      .all() as Array<{ id: number }>;
    expect(files.map((f) => f.documentId).sort((a, b) => a - b)).toEqual(scanned.map((d) => d.id));

    // The search index is written in the same transaction; its own check finds no torn segment.
    p.db.prepare("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 0)").run();

    const documents = (p.db.prepare("SELECT count(*) AS n FROM documents WHERE direction = 'incoming'").get() as { n: number }).n;
    return { documents, files: files.length };
  } finally {
    p.close();
  }
}

describe('crash durability of registrations', () => {
  const children = new Set<ChildProcess>();
  let cleanup = () => {};
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
    cleanup();
  });

  it(`keeps every acknowledged registration, gapless, through ${RUNS} SIGKILLs`, { timeout: 180_000 }, async () => {
    const t = newProfile();
    cleanup = t.cleanup;
    t.profile.close();

    const acked: Ack[] = [];
    let documents = 0;
    let withFiles = 0;
    let ackedScans = 0;
    for (let run = 1; run <= RUNS; run++) {
      // How many registrations a run acknowledges depends on where the random kill lands; the
      // kill is armed by the first one, so there is at least that.
      const acks = await burstAndKill(t.dir, run, children);
      expect(acks.length).toBeGreaterThan(0);
      acked.push(...acks);
      ackedScans += Math.floor(acks.length / 3);
      const after = checkAfterCrash(t.dir, acked);
      // Nothing from earlier runs went missing, this run's acknowledged rows are all there, and
      // at most one more: the registration whose commit the kill overtook before its ACK.
      expect([acks.length, acks.length + 1]).toContain(after.documents - documents);
      documents = after.documents;
      withFiles = after.files;
    }
    expect(new Set(acked.map((a) => a.id)).size).toBe(acked.length);
    // Every acknowledged registration with a scan kept its file (plus, perhaps, unacknowledged
    // last ones); and the kills did interrupt registrations with scans.
    expect(withFiles).toBeGreaterThanOrEqual(ackedScans);
    expect(withFiles).toBeLessThanOrEqual(ackedScans + RUNS);
    expect(ackedScans).toBeGreaterThan(0);
  });
});
