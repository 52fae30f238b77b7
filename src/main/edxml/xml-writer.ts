import { escapeXml } from './wire-format.ts';
import type { DurableOutput } from './durable-output.ts';

// Pretty-printed XML in the layout of the official samples (two spaces per level), written
// straight to a durable output. Element names carry their prefix, e.g. "edXML:From".
export class XmlWriter {
  private readonly out: DurableOutput;
  private readonly stack: string[] = [];

  constructor(out: DurableOutput) {
    this.out = out;
  }

  private indent(): string {
    return '  '.repeat(this.stack.length);
  }

  private static attributes(attrs: Readonly<Record<string, string>>): string {
    return Object.entries(attrs)
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('');
  }

  async raw(text: string): Promise<void> {
    await this.out.write(text);
  }

  async open(name: string, attrs: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.out.write(`${this.indent()}<${name}${XmlWriter.attributes(attrs)}>\n`);
    this.stack.push(name);
  }

  async close(): Promise<void> {
    const name = this.stack.pop();
    if (name === undefined) throw new Error('XmlWriter.close: nothing open');
    await this.out.write(`${this.indent()}</${name}>\n`);
  }

  async leaf(name: string, text: string | number | boolean): Promise<void> {
    await this.out.write(`${this.indent()}<${name}>${escapeXml(String(text))}</${name}>\n`);
  }

  // A leaf whose content the caller streams: begin, any number of raw writes, end.
  async beginLeaf(name: string, attrs: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.out.write(`${this.indent()}<${name}${XmlWriter.attributes(attrs)}>`);
  }

  async endLeaf(name: string): Promise<void> {
    await this.out.write(`</${name}>\n`);
  }
}
