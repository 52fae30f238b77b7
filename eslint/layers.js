// @ts-check
// The layers of the source tree, lowest first (docs/architecture.md). A module imports from its own
// layer and the layers below; `import-x/no-cycle` keeps the imports inside a layer free of circles.
// In a layer marked `alone` the parts never import each other: each flow or entry point stands on
// the layers below, not on its neighbour.

/** @type {{ layer: string, parts: Record<string, string>, alone?: boolean }[]} */
export const LAYERS = [
  { layer: 'shared', parts: { shared: 'src/shared/**' } },
  {
    layer: 'core',
    parts: {
      db: 'src/main/db/**',
      files: 'src/main/files/**',
      audit: 'src/main/audit/**',
      log: 'src/main/log/**',
      fonts: 'src/main/fonts/**',
      program: 'src/main/program/**',
    },
  },
  {
    layer: 'records',
    parts: { registry: 'src/main/registry/**', casefiles: 'src/main/casefiles/**', outbox: 'src/main/outbox/**', pdf: 'src/main/pdf/**', edxml: 'src/main/edxml/**' },
  },
  {
    layer: 'domain',
    parts: {
      profile: 'src/main/profile/**',
      signing: 'src/main/signing/**',
      hub: 'src/main/hub/**',
      books: 'src/main/books/**',
      drafting: 'src/main/drafting/**',
      backup: 'src/main/backup/**',
      prefill: 'src/main/prefill/**',
      reports: 'src/main/reports/**',
      ocr: 'src/main/ocr/**',
      archive: 'src/main/archive/**',
    },
  },
  { layer: 'flows', parts: { issuance: 'src/main/issuance/**', sync: 'src/main/sync/**', copies: 'src/main/copies/**' }, alone: true },
  { layer: 'services', parts: { services: 'src/main/services/**' } },
  { layer: 'entry', parts: { app: 'src/main/app/**', cli: 'src/main/cli/**', dev: 'src/dev/**' }, alone: true },
];

// Outside the layered tree: the preload and the renderer see only the contract in src/shared; the
// reference hub is a separate server that borrows the storage primitives, and the CLI can start it.
const SIDE = [
  { type: 'preload', pattern: 'src/preload/**', allow: ['shared'] },
  { type: 'renderer', pattern: 'src/renderer/**', allow: ['shared'] },
  { type: 'reference-hub', pattern: 'src/hub/**', allow: ['shared', 'db', 'files'] },
];
const EXTRA = { cli: ['reference-hub'] };

/** One element per part, named after it. */
export const MAIN_LAYERS = [
  ...LAYERS.flatMap(({ parts }) => Object.entries(parts).map(([type, pattern]) => ({ type, pattern, partialMatch: false }))),
  ...SIDE.map(({ type, pattern }) => ({ type, pattern, partialMatch: false })),
];

/** @param {string} type @param {string[]} allowed */
const policy = (type, allowed) => ({ from: { element: { type } }, allow: { to: { element: { types: { anyOf: allowed } } } } });

/** What each part may import: itself, its layer unless the layer is `alone`, and every layer below. */
export function layerPolicies() {
  return [
    ...LAYERS.flatMap(({ parts, alone }, index) => {
      const below = LAYERS.slice(0, index).flatMap((l) => Object.keys(l.parts));
      return Object.keys(parts).map((type) =>
        policy(type, [...below, ...(alone ? [type] : Object.keys(parts)), ...(EXTRA[/** @type {'cli'} */ (type)] ?? [])]),
      );
    }),
    ...SIDE.map(({ type, allow }) => policy(type, [type, ...allow])),
  ];
}
