import { startTokenClient } from '../../src/main/signing/pkcs11/token-client.ts';
import { prepareSigning, signFile } from '../../src/main/signing/sign-file.ts';
import type { BenchToken } from './sign-identity.ts';

// Bundled, this file cannot find the repository's fonts from its own address: the parent says where.
const FONTS_DIR = process.env.BENCH_FONTS_DIR;

// Run by sign-measure.ts as a fresh process: logs in to the token, signs the file as an
// attachment, and prints a ChildReport. `ms` starts after the login; maxRSS is read right after
// that first signature and covers the whole process, token worker included. Then the same file is
// signed again into `secondOutput`: that second time is what each further document of a batch
// costs, once the first has paid for loading the font and warming up the code.
export interface ChildRequest {
  readonly token: BenchToken;
  readonly input: string;
  readonly output: string;
  readonly secondOutput: string;
  // The bundled token worker, when this script runs bundled (sign-bundle.ts).
  readonly workerUrl?: string;
}

export interface ChildReport {
  readonly ms: number;
  readonly secondMs: number;
  readonly maxRssKb: number;
  readonly rssAfterLoginKb: number;
  readonly bytes: number;
}

const request = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
const client = startTokenClient({ env: request.token.env, ...(request.workerUrl ? { workerUrl: new URL(request.workerUrl) } : {}) });
try {
  // As the app and the CLI do: the font loads while the token logs in.
  const [session] = await Promise.all([client.openSession({ modulePath: request.token.modulePath, tokenSerial: request.token.serial, pin: request.token.pin }), prepareSigning(FONTS_DIR)]);
  const signer = session.signer(request.token.certificateId);
  const rssAfterLoginKb = Math.round(process.memoryUsage().rss / 1024);
  const sign = async (output: string) => {
    const started = performance.now();
    const result = await signFile({ input: request.input, output, kind: 'attachment', numberNotation: '125/UBND-VP', signer, signingTime: new Date(), fontsDir: FONTS_DIR });
    return { ms: performance.now() - started, bytes: result.bytes };
  };
  const first = await sign(request.output);
  const maxRssKb = process.resourceUsage().maxRSS;
  const second = await sign(request.secondOutput);
  await session.close();
  const report: ChildReport = { ms: first.ms, secondMs: second.ms, maxRssKb, rssAfterLoginKb, bytes: first.bytes };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await client.close();
}
