import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, OPERATION_NAMES } from '../shared/api/operation-names.ts';
import { DESKTOP_API_GLOBAL, type DesktopApi } from '../shared/api/desktop-api.ts';

// The whole bridge between the untrusted page and the main process: one function per contract
// operation, each bound to that operation's own channel. ipcRenderer itself, a generic
// invoke(channel), send or on are never exposed, so the page can ask for exactly the contract
// and nothing else. Only the input crosses; the main process checks the sender and validates it.
const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => {
    const channel = channelOf(name);
    return [name, (input: unknown) => ipcRenderer.invoke(channel, input)];
  }),
) as unknown as DesktopApi;

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, api);
