import { fileURLToPath } from 'node:url';

// Where the files built by scripts/build-electron.ts sit relative to the main bundle
// (dist/main/main.js). Kept in one place so the build test can check that every file the main
// process loads is actually emitted under these names.
export const BUNDLE_FILES = {
  main: 'main/main.js',
  preload: 'preload/preload.cjs',
  quickCheckWorker: 'main/quick-check-worker.cjs',
  tokenWorker: 'main/token-worker.cjs',
  ocrWorker: 'main/ocr-worker.cjs',
  rendererRoot: 'renderer',
} as const;

export interface BundlePaths {
  readonly preload: string;
  readonly quickCheckWorker: URL;
  readonly tokenWorker: URL;
  // A path: tesseract.js starts its worker from a file name.
  readonly ocrWorker: string;
  readonly rendererRoot: string;
}

export function bundlePaths(mainBundleUrl: string): BundlePaths {
  const distRoot = new URL('../', mainBundleUrl);
  return {
    preload: fileURLToPath(new URL(BUNDLE_FILES.preload, distRoot)),
    quickCheckWorker: new URL(BUNDLE_FILES.quickCheckWorker, distRoot),
    tokenWorker: new URL(BUNDLE_FILES.tokenWorker, distRoot),
    ocrWorker: fileURLToPath(new URL(BUNDLE_FILES.ocrWorker, distRoot)),
    rendererRoot: fileURLToPath(new URL(BUNDLE_FILES.rendererRoot, distRoot)),
  };
}
