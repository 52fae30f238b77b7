import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { Base64Error } from './base64-stream.ts';
import { JsonBase64Field, MalformedResponse } from './json-base64-field.ts';

async function run(input: Buffer[], field = 'data'): Promise<{ out: Buffer; fields: Record<string, unknown>; found: boolean }> {
  const extractor = new JsonBase64Field(field);
  const parts: Buffer[] = [];
  await pipeline(Readable.from(input), extractor, async (source: AsyncIterable<Buffer>) => {
    for await (const c of source) parts.push(c);
  });
  return { out: Buffer.concat(parts), fields: extractor.fields, found: extractor.found };
}

function bytewise(text: string): Buffer[] {
  return [...Buffer.from(text)].map((b) => Buffer.from([b]));
}

describe('JsonBase64Field', () => {
  it('decodes the data string and parses the other members, whatever the chunk boundaries', async () => {
    const payload = randomBytes(1000);
    const b64 = payload.toString('base64').replace(/\//g, '\\/');
    const text = ` {"status" : "OK","ErrorCode":0, "nested":{"a":[1,{"b":"}\\""}]},"data":"${b64}", "ErrorDesc":"Thành công","n":null,"t":true}\n`;
    for (const chunks of [[Buffer.from(text)], bytewise(text)]) {
      const { out, fields, found } = await run(chunks);
      expect(found).toBe(true);
      expect(out.equals(payload)).toBe(true);
      expect(fields).toEqual({ status: 'OK', ErrorCode: 0, nested: { a: [1, { b: '}"' }] }, ErrorDesc: 'Thành công', n: null, t: true });
    }
  });

  it('streams: most of the output is out before the input ends', async () => {
    const payload = randomBytes(4 * 1024 * 1024);
    const text = Buffer.from(`{"ErrorCode":"0","data":"${payload.toString('base64')}"}`);
    const extractor = new JsonBase64Field('data');
    let emitted = 0;
    extractor.on('data', (c: Buffer) => (emitted += c.length));
    const half = Math.floor(text.length / 2);
    for (let i = 0; i < half; i += 65536) extractor.write(text.subarray(i, Math.min(i + 65536, half)));
    await new Promise((resolve) => setImmediate(resolve));
    // Half the JSON in, close to half the package out: nothing waits for the end of the body.
    expect(emitted).toBeGreaterThan(payload.length * 0.45);
    extractor.end(text.subarray(half));
    await new Promise((resolve) => extractor.on('end', resolve));
    expect(emitted).toBe(payload.length);
  });

  it('reports a FAIL envelope without data', async () => {
    const { found, fields, out } = await run([Buffer.from('{"status":"FAIL","ErrorCode":"-1","ErrorDesc":"Not found","data":null}')]);
    expect(found).toBe(false);
    expect(out.length).toBe(0);
    expect(fields).toMatchObject({ ErrorCode: '-1', data: null });
  });

  it('refuses truncated JSON, bad base64, a second data member and trailing garbage', async () => {
    await expect(run([Buffer.from('{"ErrorCode":"0","data":"QUJD')])).rejects.toBeInstanceOf(MalformedResponse);
    await expect(run([Buffer.from('{"ErrorCode":"0","data":"QU*D"}')])).rejects.toBeInstanceOf(Base64Error);
    await expect(run([Buffer.from('{"data":"QUJD","data":"QUJD"}')])).rejects.toBeInstanceOf(MalformedResponse);
    await expect(run([Buffer.from('{"data":"QUJD"} x')])).rejects.toBeInstanceOf(MalformedResponse);
    await expect(run([Buffer.from('<html>')])).rejects.toBeInstanceOf(MalformedResponse);
    await expect(run([Buffer.from('{"data":"QUJD=A"}')])).rejects.toBeInstanceOf(Base64Error);
  });
});
