import { writeSync } from 'node:fs';
import { makePaperCopy } from '../../src/main/copies/make-copy.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { programResources } from '../../src/main/program/resources.ts';
import { makePaperCopyInput } from '../../src/shared/api/schemas/copies.ts';

// Spawned by copies-crash.test.ts: makes paper SAO Y copies of one file, one after the other, as
// the app or the CLI would, and prints "ACK <copy document id> <number>" only after each returned
// (acknowledged: committed). The test kills it somewhere in the middle of one.
const [dir, documentId, sha256, count] = process.argv.slice(2);
if (!dir || !documentId || !sha256 || !count) throw new Error('usage: copy-burst-child.ts PROFILE_DIR DOCUMENT_ID SHA256 COUNT');
const profile = openProfile(dir, { actor: 'crash-test' });
const resources = programResources();
const input = makePaperCopyInput.parse({
  documentId: Number(documentId),
  sourceSha256: sha256,
  kind: 'sao-y',
  signerCompetence: 'TL. Chủ tịch',
  signerPosition: 'Chánh Văn phòng',
  signerName: 'Trần Thị Bình',
  recipients: ['Trạm Y tế xã'],
});
for (let i = 0; i < Number(count); i++) {
  const copy = await makePaperCopy(profile, resources, input);
  writeSync(1, `ACK ${copy.copyDocumentId} ${copy.numberNotation}\n`);
}
profile.close();
