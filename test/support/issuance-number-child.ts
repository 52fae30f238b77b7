import { writeSync } from 'node:fs';
import { numberIssuance } from '../../src/main/issuance/number-step.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';

// Spawned by issuance-crash.test.ts: runs the numbering step of one approved document, the way
// the app or the CLI would, and says DONE only after it returned. The test kills it mid-step.
const [dir, id] = process.argv.slice(2);
if (!dir || !id) throw new Error('usage: issuance-number-child.ts PROFILE_DIR ISSUANCE_ID');
const profile = openProfile(dir, { actor: 'crash-test' });
const record = await numberIssuance(profile, Number(id));
writeSync(1, `DONE ${record.codeNumber}\n`);
profile.close();
