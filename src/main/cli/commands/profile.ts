import { agencyProfileInput } from '../../../shared/api/schemas/profile.ts';
import { seriesInput } from '../../../shared/api/schemas/series.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { typeName } from '../../../shared/domain/document-types.ts';
import { initProfile } from '../../profile/init-profile.ts';
import { getAgencyProfile } from '../../registry/agency-repo.ts';
import { listSeries, saveSeries } from '../../registry/series-repo.ts';
import { optional, parse, readJson, required } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

export function init(args: string[]): CommandResult {
  const p = parse(args, { agency: { type: 'string' } });
  const agency = parseOrThrow(agencyProfileInput, readJson(required(p, 'agency')), 'agency file');
  const profile = initProfile(required(p, 'profile'), agency);
  try {
    const series = listSeries(profile);
    return {
      json: { profileDir: profile.paths.root, agency, series },
      text: [
        `Đã khởi tạo dữ liệu văn thư cho ${agency.name} tại ${profile.paths.root}`,
        ...series.map((s) => `  sổ: ${s.name}`),
      ].join('\n'),
    };
  } finally {
    profile.close();
  }
}

export async function profileShow(args: string[]): Promise<CommandResult> {
  const p = parse(args, {});
  return withProfile(p, (profile) => {
    const agency = getAgencyProfile(profile);
    return { json: agency, text: agency ? `${agency.name} (${agency.organId}), ký hiệu ${agency.abbreviation}` : 'Chưa khai báo cơ quan.' };
  });
}

export async function seriesList(args: string[]): Promise<CommandResult> {
  const p = parse(args, {});
  return withProfile(p, (profile) => {
    const series = listSeries(profile);
    const describe = (s: { documentTypes: string[]; secret: boolean }) =>
      s.secret ? 'mọi văn bản mật' : s.documentTypes.length ? s.documentTypes.map(typeName).join(', ') : 'mọi loại khác';
    return {
      json: series,
      text: series
        .map((s) => `${s.id}\t${s.direction === 'incoming' ? 'đến' : 'đi'}\t${s.name}${s.direction === 'outgoing' ? ` (${describe(s)})` : ''}${s.active ? '' : ' [ngừng dùng]'}`)
        .join('\n'),
    };
  });
}

// `vanthu series add --name "Sổ Quyết định" --direction outgoing --types quyet-dinh,chi-thi`;
// `--secret` for the separate series of secret documents.
export async function seriesAdd(args: string[]): Promise<CommandResult> {
  const p = parse(args, { name: { type: 'string' }, direction: { type: 'string' }, types: { type: 'string' }, issuer: { type: 'string' }, secret: { type: 'boolean' } });
  const input = parseOrThrow(
    seriesInput,
    {
      name: required(p, 'name'),
      direction: optional(p, 'direction') ?? 'outgoing',
      documentTypes: (optional(p, 'types') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
      issuerAbbreviation: optional(p, 'issuer') ?? null,
      secret: p.values.secret === true,
    },
    'series',
  );
  return withProfile(p, (profile) => {
    const saved = saveSeries(profile, input);
    return { json: saved, text: `Đã tạo sổ ${saved.name} (mã ${saved.id}).` };
  });
}
