import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The program's own files: the fonts every PDF is set in and the trust anchors it ships with. From
// the source tree (tests, the CLI, the bridge) they are <repo>/resources; the packaged app keeps
// them at <install>/resources/resources (electron-builder's extraResources) and the shell says so.
export interface ProgramResources {
  readonly dir: string;
  readonly fonts: string;
}

const SOURCE_TREE = fileURLToPath(new URL('../../../resources', import.meta.url));

export function programResources(dir: string = SOURCE_TREE): ProgramResources {
  return { dir, fonts: join(dir, 'fonts') };
}
