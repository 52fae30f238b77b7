// The two families a document can be set in, and the file of each style in a fonts folder.
// Times New Roman is what Decree 30 Appendix I requires, under the names Windows installs it with
// (%WINDIR%\Fonts); Liberation Serif is its metric-compatible stand-in shipped in resources/fonts.
export const FONT_STYLES = ['regular', 'bold', 'italic', 'boldItalic'] as const;

export type FontStyle = (typeof FONT_STYLES)[number];

export type FamilyName = 'Times New Roman' | 'Liberation Serif';

export interface FontFamily {
  readonly name: FamilyName;
  readonly files: Readonly<Record<FontStyle, string>>;
}

export const TIMES_NEW_ROMAN: FontFamily = {
  name: 'Times New Roman',
  files: { regular: 'times.ttf', bold: 'timesbd.ttf', italic: 'timesi.ttf', boldItalic: 'timesbi.ttf' },
};

export const LIBERATION_SERIF: FontFamily = {
  name: 'Liberation Serif',
  files: {
    regular: 'LiberationSerif-Regular.ttf',
    bold: 'LiberationSerif-Bold.ttf',
    italic: 'LiberationSerif-Italic.ttf',
    boldItalic: 'LiberationSerif-BoldItalic.ttf',
  },
};

// The files of `family` among a folder's entries, by the name each has there. Windows compares
// file names without case (an old install may list TIMES.TTF), so the listing is matched the same
// way. `missing` names the styles' expected files that are not there.
export function locateFamily(
  entries: readonly string[],
  family: FontFamily,
): { readonly files: Partial<Record<FontStyle, string>>; readonly missing: readonly string[] } {
  const byLowerName = new Map(entries.map((e) => [e.toLowerCase(), e]));
  const files: Partial<Record<FontStyle, string>> = {};
  const missing: string[] = [];
  for (const style of FONT_STYLES) {
    const found = byLowerName.get(family.files[style].toLowerCase());
    if (found) files[style] = found;
    else missing.push(family.files[style]);
  }
  return { files, missing };
}
