import { readFileSync } from 'node:fs';
import { bytesContent } from '../../src/main/signing/verify/signed-content.ts';
import { verifyCms } from '../../src/main/signing/verify/verify-cms.ts';

// Run in a fresh process by bench/verify.ts: verifies one CMS (its files given), timing the
// verification alone and reading the peak resident memory before and after it, so the figure is
// what reading the CMS costs on top of a loaded program.
const [cmsPath, dataPath, anchorPath] = process.argv.slice(2);
if (!cmsPath || !dataPath || !anchorPath) throw new Error('usage: verify-child.ts CMS DATA ANCHOR');
const cms = readFileSync(cmsPath);
const data = readFileSync(dataPath);
const anchor = readFileSync(anchorPath);
const before = process.resourceUsage().maxRSS;
const start = performance.now();
const report = await verifyCms(cms, { content: bytesContent(data) }, { anchors: [anchor] });
const ms = performance.now() - start;
const after = process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify({ ms, maxRssBeforeKb: before, maxRssAfterKb: after, integrity: report.integrity.digestMatches && report.integrity.signatureValid, revocation: report.revocation.status, embeddedCrls: report.embeddedCrls })}\n`);
