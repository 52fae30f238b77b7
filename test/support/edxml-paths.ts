import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

// Every element of an XML file as its path of qualified names as written (prefixes kept), in
// document order: "edXML/edXML:edXMLEnvelope/edXML:edXMLHeader/…". Subtrees whose root has one
// of the `skip` names are left out. Streams, registers no text handler, so saxes buffers no text.
export async function elementPaths(file: string, skip: readonly string[] = []): Promise<string[]> {
  const parser = new SaxesParser({ xmlns: false });
  const stack: string[] = [];
  const paths: string[] = [];
  let skipping = 0;
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    if (skipping > 0 || skip.includes(tag.name)) {
      skipping += 1;
      return;
    }
    paths.push(stack.join('/'));
  });
  parser.on('closetag', () => {
    stack.pop();
    if (skipping > 0) skipping -= 1;
  });
  for await (const chunk of createReadStream(file, { encoding: 'utf8' }) as AsyncIterable<string>) parser.write(chunk);
  parser.close();
  return paths;
}
