import { refreshAgencyDirectory, searchAgencies } from '../../hub/agency-directory.ts';
import { createHubClientFor } from '../../hub/hub-connection.ts';
import { fileKeyCipher } from '../../hub/secret-cipher.ts';
import { integer, parse } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

// `vanthu agencies refresh --profile DIR`: the cached agency directory replaced with the hub's
// (a failure keeps the old one).
export async function agenciesRefresh(args: string[]): Promise<CommandResult> {
  const p = parse(args, {});
  return withProfile(p, async (profile) => {
    const client = createHubClientFor(profile, fileKeyCipher(profile.paths.root));
    try {
      const r = await refreshAgencyDirectory(profile, client);
      return { json: r, text: `Đã cập nhật danh bạ cơ quan: ${r.total} cơ quan (thêm ${r.added}, bỏ ${r.removed}).` };
    } finally {
      client.close();
    }
  });
}

// `vanthu agencies search --profile DIR [QUERY] [--limit N] [--offset N]`: the cached directory,
// diacritics ignored, by name or code; works offline.
export async function agenciesSearch(args: string[]): Promise<CommandResult> {
  const p = parse(args, { limit: { type: 'string' }, offset: { type: 'string' } }, true);
  return withProfile(p, (profile) => {
    const r = searchAgencies(profile, { query: p.positionals.join(' '), limit: integer(p, 'limit') ?? 50, offset: integer(p, 'offset') ?? 0 });
    const lines = r.items.map((a) => `${a.code}\t${a.name}`);
    const head = r.refreshedAt ? `${r.total} cơ quan (danh bạ cập nhật ${r.refreshedAt})` : 'Danh bạ cơ quan chưa được cập nhật từ trục: chạy "vanthu agencies refresh".';
    return { json: r, text: [head, ...lines].join('\n') };
  });
}
