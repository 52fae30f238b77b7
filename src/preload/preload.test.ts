import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/build-electron.ts';
import { channelOf, OPERATION_NAMES, type OperationName } from '../shared/api/contract.ts';
import { DESKTOP_API_GLOBAL } from '../shared/api/desktop-api.ts';

// The preload exactly as the build bundles it, run in a fresh V8 context the way a sandboxed
// preload runs: a CommonJS script whose require() knows only 'electron', here a fake that
// records what the script exposes and which ipcRenderer members it touches.
interface Run {
  exposed: Array<{ key: string; api: Record<string, unknown> }>;
  invocations: Array<{ channel: string; args: unknown[] }>;
  ipcMembersUsed: Set<string>;
  requested: string[];
}

let bundle: string;
beforeAll(async () => {
  const result = await build({ ...bundleOptions('/nonexistent').preload, write: false });
  bundle = result.outputFiles?.[0]?.text ?? '';
}, 60_000);

function runPreload(): Run {
  const run: Run = { exposed: [], invocations: [], ipcMembersUsed: new Set(), requested: [] };
  const ipcRenderer = new Proxy(
    {
      invoke: (channel: string, ...args: unknown[]) => {
        run.invocations.push({ channel, args });
        return Promise.resolve({ ok: true, value: null });
      },
    },
    {
      get(target, prop, receiver) {
        run.ipcMembersUsed.add(String(prop));
        return Reflect.get(target, prop, receiver);
      },
    },
  );
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => run.exposed.push({ key, api }) },
    ipcRenderer,
  };
  const fakeRequire = (name: string) => {
    run.requested.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found in a sandboxed preload: ${name}`);
  };
  const module = { exports: {} };
  const wrapper = runInNewContext(`(function (require, module, exports) {${bundle}\n})`, {}) as (...args: unknown[]) => void;
  wrapper(fakeRequire, module, module.exports);
  return run;
}

describe('preload', () => {
  it('carries no schema library into the sandboxed page', () => {
    expect(bundle).not.toMatch(/zod|ZodError/);
    expect(bundle.length).toBeLessThan(10_000);
  });

  it('exposes one object, on window.vanthu, and requires nothing but electron', () => {
    const run = runPreload();
    expect(run.exposed.map((e) => e.key)).toEqual([DESKTOP_API_GLOBAL]);
    expect(run.requested).toEqual(['electron']);
  });

  it('has exactly one function per contract operation, and nothing else', () => {
    const api = runPreload().exposed[0]?.api ?? {};
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(typeof api[name], name).toBe('function');
    for (const generic of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'postMessage']) expect(api).not.toHaveProperty(generic);
  });

  it('each function invokes its own channel only, passing the input through', async () => {
    for (const name of OPERATION_NAMES) {
      const run = runPreload();
      const api = run.exposed[0]?.api as Record<OperationName, (input: unknown) => Promise<unknown>>;
      const input = { probe: name };
      await expect(api[name](input)).resolves.toEqual({ ok: true, value: null });
      expect(run.invocations, name).toEqual([{ channel: channelOf(name), args: [input] }]);
    }
  });

  it('uses ipcRenderer.invoke and no other ipcRenderer member', async () => {
    const run = runPreload();
    const api = run.exposed[0]?.api as Record<string, (input: unknown) => Promise<unknown>>;
    await Promise.all(OPERATION_NAMES.map((name) => api[name]?.({})));
    expect([...run.ipcMembersUsed]).toEqual(['invoke']);
  });
});
