import { resolve } from 'node:path';
import { parseDraft } from '../../../shared/api/schemas/draft.ts';
import { type AgencyProfile, agencyProfileInput } from '../../../shared/api/schemas/profile.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { AppError } from '../../../shared/errors.ts';
import { writeWholeFile } from '../../books/output-file.ts';
import { renderDraft } from '../../drafting/render-draft.ts';
import { programResources } from '../../program/resources.ts';
import { getAgencyProfile } from '../../registry/agency-repo.ts';
import { integer, optional, parse, readJson, required } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

function bad(vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en);
}

// `vanthu draft render FILE.json|- --out OUT.pdf (--profile DIR | --agency AGENCY.json) [--year Y]`:
// the agency printed in the header comes from the profile, or from an agency file in the format
// of `vanthu init --agency` when there is no profile (previewing, tests, another machine).
export async function draftRender(args: string[]): Promise<CommandResult> {
  const p = parse(args, { out: { type: 'string' }, agency: { type: 'string' }, year: { type: 'string' } }, true);
  const [source, ...extra] = p.positionals;
  if (!source || extra.length > 0) throw bad('Cần đúng một tệp JSON dự thảo (hoặc "-" để đọc từ đầu vào chuẩn).', `expected one draft file, got ${p.positionals.length}`);
  const out = resolve(required(p, 'out'));
  const agencyFile = optional(p, 'agency');
  const hasProfile = optional(p, 'profile') !== undefined;
  if (hasProfile === (agencyFile !== undefined)) throw bad('Cần đúng một trong hai: --profile DIR hoặc --agency AGENCY.json.', 'need exactly one of --profile and --agency');
  const year = integer(p, 'year');
  if (year !== undefined && (year < 1900 || year > 2200)) throw bad('--year không hợp lệ.', `bad --year ${year}`);
  const draft = parseDraft(readJson(source));
  const agency: AgencyProfile = agencyFile
    ? parseOrThrow(agencyProfileInput, readJson(agencyFile), 'agency file')
    : await withProfile(p, (profile) => {
        const found = getAgencyProfile(profile);
        if (!found) throw new AppError('PROFILE_NOT_INITIALIZED', 'Hồ sơ chưa khai báo cơ quan: hãy khai báo trong phần Cài đặt.', 'no agency profile');
        return found;
      });
  // The font the draft is set in is said with the result: Decree 30 asks for Times New Roman,
  // which only a Windows machine provides (docs/drafting.md "Font").
  const { fonts, legalFont } = programResources();
  const rendered = await renderDraft(draft, agency, { fontsDir: fonts, ...(year === undefined ? {} : { year }) });
  writeWholeFile(out, rendered.pdf);
  const font = { family: legalFont.family, source: legalFont.source, labelVi: legalFont.labelVi, fallbackVi: legalFont.fallbackVi, folder: legalFont.dir };
  return {
    json: { output: out, pages: rendered.pages, placeholders: rendered.placeholders, font },
    text: [`Đã tạo ${out} (${rendered.pages} trang).`, `Phông chữ: ${legalFont.labelVi}${legalFont.fallbackVi ? ` — ${legalFont.fallbackVi}` : ''}`].join('\n'),
  };
}
