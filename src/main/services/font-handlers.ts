import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// The font every PDF of this process is set in, chosen once from the system (fonts/legal-font.ts)
// and shown in Cài đặt. The choice is logged here, once, when the services are built: a clerk's
// "why is it not Times New Roman?" is then answered by the log too.
export function createFontHandlers({ session, resources }: Pick<HandlerDeps, 'session' | 'resources'>): HandlersOf<'fonts'> {
  const font = resources.legalFont;
  session.logger.log('info', 'fonts.legal', { family: font.family, source: font.source, dir: font.dir, ...(font.fallbackDetail ? { fallback: font.fallbackDetail } : {}) });
  return {
    'fonts.legal': () => ({ family: font.family, source: font.source, labelVi: font.labelVi, fallbackVi: font.fallbackVi, folder: font.dir }),
  };
}
