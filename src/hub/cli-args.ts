import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors.ts';
import type { HubFaults } from './faults.ts';
import type { HubOptions } from './server.ts';

export const HUB_USAGE = `usage: hub --port P --data DIR --systems FILE.json [--host H] [--hub-organ-id ID]
  fault knobs: [--latency-ms N] [--bandwidth BYTES_PER_SEC] [--drop-after BYTES] [--drop-mode once|always]
               [--drop-ops op1,op2] [--error-rate 0..1] [--error-seed N] [--redeliver-acks N]`;

function bad(what: string): AppError {
  return new AppError('INVALID_INPUT', `Tham số không hợp lệ: ${what}\n${HUB_USAGE}`, `bad hub argument: ${what}`);
}

function num(v: string | undefined, name: string, min: number, max = Number.POSITIVE_INFINITY): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw bad(`--${name} ${v}`);
  return n;
}

// Command-line options of the reference hub (`npm run hub`, `vanthu hub`) to startHub options.
export function parseHubArgs(argv: readonly string[]): HubOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        systems: { type: 'string' },
        'hub-organ-id': { type: 'string' },
        'latency-ms': { type: 'string' },
        bandwidth: { type: 'string' },
        'drop-after': { type: 'string' },
        'drop-mode': { type: 'string' },
        'drop-ops': { type: 'string' },
        'error-rate': { type: 'string' },
        'error-seed': { type: 'string' },
        'redeliver-acks': { type: 'string' },
      },
    }));
  } catch (e) {
    throw bad((e as Error).message);
  }
  if (!values.data) throw bad('--data DIR is required');
  if (!values.systems) throw bad('--systems FILE.json is required');
  const dropMode = values['drop-mode'];
  if (dropMode !== undefined && dropMode !== 'once' && dropMode !== 'always') throw bad(`--drop-mode ${dropMode}`);
  const faults: Partial<HubFaults> = {};
  const set = <K extends keyof HubFaults>(k: K, v: HubFaults[K] | undefined): void => {
    if (v !== undefined) faults[k] = v;
  };
  set('latencyMs', num(values['latency-ms'], 'latency-ms', 0));
  set('bandwidthBytesPerSec', num(values.bandwidth, 'bandwidth', 0));
  set('dropAfterBytes', num(values['drop-after'], 'drop-after', 0));
  set('dropMode', dropMode);
  set('dropOperations', values['drop-ops']?.split(',').map((s) => s.trim()).filter((s) => s !== ''));
  set('errorRate', num(values['error-rate'], 'error-rate', 0, 1));
  set('errorSeed', num(values['error-seed'], 'error-seed', 0));
  set('redeliverAcks', num(values['redeliver-acks'], 'redeliver-acks', 0));
  return {
    port: num(values.port, 'port', 0, 65535) ?? 0,
    host: values.host,
    dataDir: values.data,
    systems: values.systems,
    hubOrganId: values['hub-organ-id'],
    faults,
  };
}
