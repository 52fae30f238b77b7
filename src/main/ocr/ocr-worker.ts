import { createRequire, Module } from 'node:module';
import { parentPort } from 'node:worker_threads';

// The thread tesseract.js recognises in (its own Node worker script), with three changes
// (docs/ocr.md "Offline", "Memory"):
// - the network is taken away first: the script fetches a model or an image only when given a
//   URL, and the app gives it a folder and bytes. Should a URL ever reach it, the fetch fails
//   here instead of leaving the machine;
// - a worker that cannot start (the model unreadable) ends itself once it has said why:
//   tesseract.js would otherwise keep the idle thread, and the process with it, alive. Nothing
//   it posts after that reaches the app: its `initialize` answers a failed start with a reject
//   and then a resolve, and tesseract.js throws in the app's thread on the second answer;
// - the thresholded page comes back as base64 made by Node's encoder: tesseract.js's own joins
//   the string four characters at a time, which held about 18 MB more on a grainy 300-dpi page.
const refuse = (url: unknown): Promise<never> => Promise.reject(new Error(`network access refused in the OCR worker: ${String(url)}`));
Object.defineProperty(globalThis, 'fetch', { value: refuse, writable: false, configurable: false });

const STARTING = new Set(['load', 'loadLanguage', 'initialize']);
if (parentPort) {
  const port = parentPort;
  const post = port.postMessage.bind(port);
  let failed = false;
  port.postMessage = (message: { status?: string; action?: string }) => {
    if (failed) return;
    post(message);
    if (message.status === 'reject' && STARTING.has(message.action ?? '')) {
      failed = true;
      setImmediate(() => process.exit(1));
    }
  };
}

// Bundled as CommonJS in the app, where scripts/build-electron.ts defines import.meta.url as the
// bundle's own URL: tesseract.js is found from node_modules beside it.
const require = createRequire(import.meta.url);
const base64Module = require.resolve('tesseract.js/src/worker-script/utils/arrayBufferToBase64.js');
const nodeBase64 = new Module(base64Module);
nodeBase64.filename = base64Module;
nodeBase64.loaded = true;
// Standard base64, as the module it stands for returns.
nodeBase64.exports = (data: ArrayBuffer): string => Buffer.from(data).toString('base64');
require.cache[base64Module] = nodeBase64;
require('tesseract.js/src/worker-script/node/index.js');
