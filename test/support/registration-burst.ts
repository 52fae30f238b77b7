import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { vietnamToday } from '../../src/shared/domain/dates.ts';

// Spawned by crash-durability.test.ts and killed with SIGKILL at a random moment: registers
// incoming documents as fast as it can, one transaction each, and acknowledges each one on
// stdout only after registerIncoming has returned — the moment the UI would say "done".
// writeSync, not process.stdout.write: a pipe write from the latter may still sit in Node's
// buffer when the kill comes, and an acknowledgement must never be lost on our side either.
const [dir, run] = process.argv.slice(2);
if (!dir || !run) throw new Error('usage: registration-burst.ts PROFILE_DIR RUN');

// A burst never outlives the test: if the parent is gone, the write below fails (EPIPE) and
// the process ends; the cap is a second guard.
const MAX_REGISTRATIONS = 20_000;

const profile = openProfile(dir, { actor: 'crash-test' });
for (let i = 1; i <= MAX_REGISTRATIONS; i++) {
  // Every third registration carries a scan; some scans repeat an earlier one, so both the
  // new-file path and the already-stored path of the blob store are interrupted by kills.
  const withFile = i % 3 === 0;
  const content = i % 9 === 0 ? Buffer.from(`bản quét dùng chung của lần ${run}`) : randomBytes(1024 + (i % 7) * 4096);
  const doc = registerIncoming(
    profile,
    incomingInput.parse({
      issuingAgency: 'Sở Nội vụ tỉnh Đồng Nai',
      codeNumber: String(Number(run) * 100_000 + i),
      codeNotation: 'SNV-TCBC',
      documentDate: vietnamToday(),
      documentType: 'Công văn',
      subject: `Về việc thử độ bền khi mất điện, lần ${run}, văn bản ${i}`,
      attachments: withFile ? [{ name: `ban-quet-${run}-${i}.pdf`, dataBase64: content.toString('base64') }] : [],
    }),
  );
  writeSync(1, `ACK ${doc.id} ${doc.number}\n`);
}
profile.close();
