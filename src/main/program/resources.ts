import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseLegalFont, type FontHost, type LegalFont, systemLegalFont } from '../fonts/legal-font.ts';

// The program's own files: the fonts every PDF is set in and the trust anchors it ships with. From
// the source tree (tests, the CLI, the bridge) they are <repo>/resources; the packaged app keeps
// them at <install>/resources/resources (electron-builder's extraResources) and the shell says so.
export interface ProgramResources {
  readonly dir: string;
  // The folder every PDF reads its fonts from: the Windows fonts folder when its Times New Roman
  // was chosen, else <dir>/fonts (Liberation Serif). `legalFont` says which and why.
  readonly fonts: string;
  readonly legalFont: LegalFont;
}

const SOURCE_TREE = fileURLToPath(new URL('../../../resources', import.meta.url));

// `host`: the system and its files the font is chosen from; this machine's when absent (a test
// passes a fixture Windows folder).
export function programResources(dir: string = SOURCE_TREE, host?: FontHost): ProgramResources {
  const bundledFonts = join(dir, 'fonts');
  const legalFont = host ? chooseLegalFont(bundledFonts, host) : systemLegalFont(bundledFonts);
  return { dir, fonts: legalFont.dir, legalFont };
}
