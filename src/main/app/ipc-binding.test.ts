import { describe, expect, it, vi } from 'vitest';
import { channelOf, OPERATION_NAMES, type OperationName } from '../../shared/api/contract.ts';
import type { Logger } from '../log/logger.ts';
import { createDispatch, type Dispatch } from '../services/dispatch.ts';
import type { Handlers } from '../services/handler-types.ts';
import { bindIpc, FORBIDDEN_ENVELOPE, type InvokeEvent, type InvokeRegistrar } from './ipc-binding.ts';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

// Stand-ins for Electron objects: our window's webContents, its top frame on app://vanthu/, and
// an ipcMain that records every handle() call.
const ourContents = { id: 1 };
const topFrame = { url: 'app://vanthu/index.html', parent: null };
const validEvent: InvokeEvent = { sender: ourContents, senderFrame: topFrame };

function fakeIpc() {
  const registered: Array<{ channel: string; listener: Listener }> = [];
  const ipc: InvokeRegistrar = { handle: (channel, listener) => void registered.push({ channel, listener }) };
  const invoke = (channel: string, event: InvokeEvent, input?: unknown) => {
    const entry = registered.find((r) => r.channel === channel);
    if (!entry) throw new Error(`no handler on ${channel}`);
    return entry.listener(event, input);
  };
  return { ipc, registered, invoke };
}

function recordingLogger() {
  const entries: Array<{ event: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = { log: (_level, event, fields) => void entries.push({ event, fields }) };
  return { logger, entries };
}

function bound(dispatch: Dispatch) {
  const f = fakeIpc();
  const log = recordingLogger();
  const channels = bindIpc(f.ipc, dispatch, (c) => c === ourContents, log.logger);
  return { ...f, ...log, channels };
}

// Every handler is a spy; a few answer with values that satisfy their output schema.
function spyHandlers() {
  const spies = Object.fromEntries(OPERATION_NAMES.map((name) => [name, vi.fn(() => [])])) as unknown as Record<OperationName, ReturnType<typeof vi.fn>>;
  return { spies, handlers: spies as unknown as Handlers };
}

describe('IPC binding', () => {
  it('registers exactly one handler per contract operation, each on its own channel', () => {
    const { registered, channels } = bound(vi.fn());
    expect(registered.map((r) => r.channel)).toEqual(OPERATION_NAMES.map((name) => channelOf(name)));
    expect(new Set(channels).size).toBe(OPERATION_NAMES.length);
    expect(channels).toEqual(registered.map((r) => r.channel));
  });

  it('passes a call from our window to dispatch under its own operation name', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: [] }));
    const { invoke } = bound(dispatch);
    await expect(invoke(channelOf('registers.list'), validEvent, { year: 2026 })).resolves.toEqual({ ok: true, value: [] });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('registers.list', { year: 2026 });
  });

  const foreign: Array<[string, InvokeEvent]> = [
    ['a frame on a web page', { sender: ourContents, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a frame on file://', { sender: ourContents, senderFrame: { url: 'file:///C:/Users/x/evil.html', parent: null } }],
    ['a frame on a look-alike origin', { sender: ourContents, senderFrame: { url: 'app://vanthu.evil/index.html', parent: null } }],
    ['a subframe, even on our origin', { sender: ourContents, senderFrame: { url: 'app://vanthu/index.html', parent: topFrame } }],
    ['a frame that is gone', { sender: ourContents, senderFrame: null }],
    ['a webContents that is not one of our windows', { sender: { id: 99 }, senderFrame: topFrame }],
  ];

  for (const [who, event] of foreign) {
    it(`refuses ${who} with FORBIDDEN, logs it, and never reaches dispatch`, async () => {
      const dispatch = vi.fn();
      const { invoke, entries } = bound(dispatch);
      for (const name of OPERATION_NAMES) {
        await expect(invoke(channelOf(name), event, {})).resolves.toEqual(FORBIDDEN_ENVELOPE);
      }
      expect(dispatch).not.toHaveBeenCalled();
      expect(entries.filter((e) => e.event === 'ipc.forbidden')).toHaveLength(OPERATION_NAMES.length);
    });
  }

  it('refuses a sender whose frame throws when examined', async () => {
    const dispatch = vi.fn();
    const { invoke } = bound(dispatch);
    const destroyed = {
      sender: ourContents,
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await expect(invoke(channelOf('app.info'), destroyed)).resolves.toEqual(FORBIDDEN_ENVELOPE);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('FORBIDDEN carries a Vietnamese message for the clerk', () => {
    expect(FORBIDDEN_ENVELOPE).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(FORBIDDEN_ENVELOPE.ok === false && FORBIDDEN_ENVELOPE.error.message).toMatch(/từ chối/);
  });
});

describe('IPC binding with the real dispatch', () => {
  it('validates input against the contract: an invalid input never reaches the handler', async () => {
    const { spies, handlers } = spyHandlers();
    const { invoke } = bound(createDispatch(handlers, recordingLogger().logger));
    const invalid: Array<[OperationName, unknown]> = [
      ['registers.list', { year: 'hai nghìn' }],
      ['registers.list', { year: 2026, injected: true }],
      ['documents.get', { id: -1 }],
      ['documents.get', 'SELECT 1'],
      ['backup.restore', { fileName: '' }],
    ];
    for (const [name, input] of invalid) {
      const result = await invoke(channelOf(name), validEvent, input);
      expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    for (const name of OPERATION_NAMES) expect(spies[name], name).not.toHaveBeenCalled();
  });

  it('hands a valid input, parsed, to its own handler only', async () => {
    const { spies, handlers } = spyHandlers();
    const { invoke } = bound(createDispatch(handlers, recordingLogger().logger));
    await expect(invoke(channelOf('registers.list'), validEvent, { year: 2026 })).resolves.toEqual({ ok: true, value: [] });
    expect(spies['registers.list']).toHaveBeenCalledExactlyOnceWith({ year: 2026 });
    for (const name of OPERATION_NAMES.filter((n) => n !== 'registers.list')) expect(spies[name], name).not.toHaveBeenCalled();
  });
});
