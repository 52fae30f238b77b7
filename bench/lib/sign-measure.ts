import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, open, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { NssDb } from '../../test/support/nss.ts';
import type { BundledChild } from './sign-bundle.ts';
import type { ChildReport, ChildRequest } from './sign-child.ts';
import type { BenchToken } from './sign-identity.ts';

const CHILD = fileURLToPath(new URL('./sign-child.ts', import.meta.url));
const SAMPLE = fileURLToPath(new URL('./sign-sample.ts', import.meta.url));
const run = promisify(execFile);

// Writes a sample PDF of about `mb` MiB in a child process (see sign-sample.ts) and flushes it;
// returns its size in bytes.
export async function makeSample(path: string, mb: number): Promise<number> {
  const { stdout } = await run(process.execPath, [SAMPLE, path, String(mb)]);
  await settle(path);
  return Number(stdout.trim());
}

// The floor: one SHA-256 of the file, read as a stream in this process (1 MiB reads).
export async function sha256Ms(path: string): Promise<number> {
  const started = performance.now();
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 2 ** 20 })) hash.update(chunk as Buffer);
  hash.digest();
  return performance.now() - started;
}

// Our signing in a fresh Node process, from the .ts sources or bundled (see sign-child.ts and
// sign-bundle.ts); the wall time of the process is kept too, to show what starting, loading the
// code and logging in add for a single document.
export async function signOurs(
  token: BenchToken,
  paths: { readonly input: string; readonly output: string; readonly secondOutput: string },
  bundled: BundledChild | null,
): Promise<ChildReport & { processMs: number }> {
  const request: ChildRequest = { token, ...paths, ...(bundled ? { workerUrl: bundled.workerUrl } : {}) };
  const started = performance.now();
  const { stdout } = await run(process.execPath, [bundled?.script ?? CHILD, JSON.stringify(request)], {
    maxBuffer: 2 ** 20,
    env: { ...process.env, ...bundled?.env },
  });
  const processMs = performance.now() - started;
  const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildReport;
  return { ...report, processMs };
}

// Wall time of `pdfsig -add-signature` (adbe.pkcs7.detached: its -etsi does not work with
// -add-signature in poppler 22.12).
export function signPdfsig(nss: NssDb, input: string, output: string): number {
  if (!nss.nick) throw new Error('the NSS database has no signer');
  const started = performance.now();
  execFileSync('pdfsig', ['-nssdir', `sql:${nss.dir}`, '-add-signature', '-nick', nss.nick, input, output], { stdio: 'ignore' });
  return performance.now() - started;
}

// Flushes a file written by the step just measured, untimed, so its writeback does not land in
// the next step's time (pdfsig does not fsync its output; the sample is new).
export async function settle(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

// What writing a new durable copy costs on its own, to explain where our time goes: the kernel
// copy our writer uses (copy_file_range) and the fsync of that copy.
export async function copyAndSyncMs(input: string, scratch: string): Promise<{ copyMs: number; fsyncMs: number }> {
  const started = performance.now();
  await copyFile(input, scratch);
  const copied = performance.now();
  const file = await open(scratch, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
  const synced = performance.now();
  await rm(scratch, { force: true });
  return { copyMs: copied - started, fsyncMs: synced - copied };
}
