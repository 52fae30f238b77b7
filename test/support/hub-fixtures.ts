import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type RunningHub } from '../../src/hub/main.ts';
import type { HubFaults } from '../../src/hub/faults.ts';
import { ROOT } from './cli.ts';
import type { HubCredentials } from './hub-request.ts';

// Three connected systems: A sends, B and C receive (B speaks for two agencies).
export const SYS_A = { systemId: 'SYS-A', secret: 'QWxhZGRpbjpvcGVuIHNlc2FtZS1zeXN0ZW0tQS0wMDE=', agencies: [{ code: '000.00.01.H99', name: 'UBND xã An Bình' }] };
export const SYS_B = {
  systemId: 'SYS-B',
  secret: 'QmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI=',
  agencies: [
    { code: '000.00.02.H99', name: 'UBND xã Bình Minh' },
    { code: '000.02.02.H99', name: 'Văn phòng UBND xã Bình Minh' },
  ],
};
export const SYS_C = { systemId: 'SYS-C', secret: 'Q2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2M=', agencies: [{ code: '000.00.03.H99', name: 'UBND xã Cẩm Lệ' }] };
export const A = SYS_A.agencies[0]?.code ?? '';
export const B = SYS_B.agencies[0]?.code ?? '';
export const C = SYS_C.agencies[0]?.code ?? '';

export const CRED_A: HubCredentials = SYS_A;
export const CRED_B: HubCredentials = SYS_B;
export const CRED_C: HubCredentials = SYS_C;

const SAMPLES = join(ROOT, '..', 'shared', 'edxml-samples');

// The official new-document sample, From rewritten to `from` and its one To block repeated for
// each recipient.
export function documentPackage(from: string, to: readonly string[]): Buffer {
  const text = readFileSync(join(SAMPLES, 'vnpt-edoc_new.edxml'), 'utf8');
  const toBlock = /<edXML:To>[\s\S]*?<\/edXML:To>/.exec(text)?.[0];
  if (!toBlock) throw new Error('sample has no To block');
  const blocks = to.map((code) => toBlock.replace('28.22.H17', code)).join('\n        ');
  return Buffer.from(text.replace('000.00.00.A80', from).replace(toBlock, blocks), 'utf8');
}

// The official status sample (01), reported by `from` about a document of `originalSender`.
export function statusPackage(from: string, originalSender: string): Buffer {
  const text = readFileSync(join(SAMPLES, 'vnpt-status.edxml'), 'utf8');
  return Buffer.from(text.replace('000.00.00.H41', from).replace('<edXML:OrganId>000.00.00.G22</edXML:OrganId>', `<edXML:OrganId>${originalSender}</edXML:OrganId>`), 'utf8');
}

export interface TestHubDir {
  readonly root: string;
  readonly dataDir: string;
  readonly systemsFile: string;
  start(faults?: Partial<HubFaults>): Promise<RunningHub>;
  remove(): void;
}

export function testHubDir(): TestHubDir {
  const root = mkdtempSync(join(tmpdir(), 'vanthu-hub-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const systemsFile = join(root, 'systems.json');
  writeFileSync(systemsFile, JSON.stringify([SYS_A, SYS_B, SYS_C]));
  return {
    root,
    dataDir,
    systemsFile,
    start: (faults) => startHub({ dataDir, systems: systemsFile, faults, onError: () => undefined }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
