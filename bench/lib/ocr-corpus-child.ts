import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prefillCorpus } from '../../test/support/prefill-corpus.ts';
import { scannedDraft } from '../../test/support/scanned-drafts.ts';

// bench:ocr's corpus made in a process of its own (`node bench/lib/ocr-corpus-child.ts DIR N`),
// so that rasterising and degrading pages does not count in the peak memory of the OCR:
// DIR/<dpi>-<case id>.pdf for the first N cases at 200 and 300 dpi.
const [dir, n] = process.argv.slice(2);
if (!dir || !n) throw new Error('usage: ocr-corpus-child.ts DIR COUNT');
for (const dpi of [200, 300]) {
  for (const [i, c] of prefillCorpus(Number(n)).entries()) {
    const scan = await scannedDraft(c, dpi, 1000 * dpi + i);
    writeFileSync(join(dir, `${dpi}-${c.id}.pdf`), scan.pdf);
  }
}
