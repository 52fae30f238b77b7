import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState, StandardFonts } from 'pdf-lib';

const MIB = 2 ** 20;
const IMAGE_WIDTH = 1024;

// A one-page PDF of about `mb` MiB whose bulk is one uncompressed RGB image of random bytes: a
// stream nothing can compress, as a scanned attachment is. pdf-lib writes it in a second or two
// even at 200 MiB, with an xref stream and object streams as current writers make.
export async function writeSamplePdf(path: string, mb: number): Promise<number> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`Benchmark sample, about ${mb} MiB`, { x: 72, y: 760, size: 14, font });
  const height = Math.max(1, Math.round((mb * MIB) / (IMAGE_WIDTH * 3)));
  const pixels = randomBytes(IMAGE_WIDTH * 3 * height);
  const image = doc.context.register(
    doc.context.stream(pixels, { Type: 'XObject', Subtype: 'Image', Width: IMAGE_WIDTH, Height: height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }),
  );
  const name = page.node.newXObject('Im', image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(451, 0, 0, 451, 72, 200), drawObject(name), popGraphicsState());
  const bytes = await doc.save();
  writeFileSync(path, bytes);
  return bytes.length;
}

// Run as a script (`node sign-sample.ts PATH MB`, prints the size): the bench makes its samples in
// a child process so the few hundred MB pdf-lib holds are not garbage in the process that then
// measures the SHA-256 floor.
if (import.meta.main) {
  const [path, mb] = process.argv.slice(2);
  if (!path || !mb) throw new Error('usage: sign-sample.ts PATH MB');
  process.stdout.write(`${await writeSamplePdf(path, Number(mb))}\n`);
}
