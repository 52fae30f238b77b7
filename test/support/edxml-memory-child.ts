import { readPackage } from '../../src/main/edxml/read-package.ts';
import { writeDocumentPackage } from '../../src/main/edxml/write-document-package.ts';
import { business, documentHeader } from './edxml-fixtures.ts';

// Runs one edXML write or read in its own process and prints how far its resident memory grew
// above what it used before starting (peak from the kernel's maxRSS), with the result.
//   node edxml-memory-child.ts write SOURCE OUT.edxml
//   node edxml-memory-child.ts read PACKAGE.edxml OUTDIR
const [mode, a, b] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: edxml-memory-child.ts write|read IN OUT');
(globalThis as { gc?: () => void }).gc?.();
const baseline = process.memoryUsage().rss;
let result: unknown;
if (mode === 'write') {
  result = await writeDocumentPackage(
    {
      header: documentHeader(),
      business: business(),
      traceHeaders: [{ organId: '000.46.24.H44', timestamp: '2026-03-05T09:00:00' }],
      attachments: [{ contentId: 'big', name: 'lon.pdf', description: 'Tệp lớn', contentType: 'application/pdf', sourcePath: a }],
    },
    b,
  );
} else {
  const r = await readPackage(a, { outputDir: b });
  result = r.attachments.map((x) => ({ size: x.size, sha256: x.sha256, zipped: x.zipped }));
}
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ baselineMb: baseline / 2 ** 20, peakMb: peak / 2 ** 20, growthMb: (peak - baseline) / 2 ** 20, result }));
