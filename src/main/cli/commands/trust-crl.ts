import type { CrlRefreshEntry } from '../../../shared/api/schemas/revocation.ts';
import { formatVietnameseDate, vietnamDateTime } from '../../../shared/domain/dates.ts';
import { AppError } from '../../../shared/errors.ts';
import { logCrlRefresh } from '../../signing/trust/crl-log.ts';
import { fetchableUrl } from '../../signing/trust/crl-points.ts';
import { refreshProfileCrls, revocationStatusOf } from '../../signing/trust/profile-crls.ts';
import { parse, type Parsed } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

// In Vietnam time, as the clerk reads dates: dd/MM/yyyy HH:mm.
function when(iso: string | null): string {
  if (!iso) return 'không ghi';
  const local = vietnamDateTime(new Date(iso));
  return `${formatVietnameseDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

function urlsOf(p: Parsed): string[] {
  const given = (p.values as Record<string, unknown>).url;
  return (Array.isArray(given) ? given.filter((x): x is string => typeof x === 'string') : []).map((text) => {
    const url = fetchableUrl(text);
    if (!url) throw new AppError('INVALID_INPUT', `--url ${text}: không phải địa chỉ http:// hoặc https://.`, `--url is not an http(s) URL: ${text}`);
    return url;
  });
}

function entryText(r: CrlRefreshEntry): string {
  const list = r.thisUpdate ? `ban hành ${when(r.thisUpdate)}, cập nhật tiếp ${when(r.nextUpdate)}` : 'chưa có bản nào';
  switch (r.outcome) {
    case 'fetched':
      return `  + ${r.url}: đã tải bản mới (${r.issuer}; ${list})`;
    case 'unchanged':
      return `  = ${r.url}: không đổi (${list})`;
    case 'failed':
      return `  ! ${r.url}: ${r.reasonVi}; ${r.thisUpdate ? `vẫn dùng bản đã lưu (${list})` : 'chưa có bản nào'}`;
  }
}

// `vanthu trust crl-refresh --profile DIR [--url URL]…`: fetches the revocation lists of the
// trusted CAs and of the signers noted by the verifier now (or only the points named with --url).
// Exit 1 when a point failed (its list, if any, is kept).
export async function trustCrlRefresh(args: string[]): Promise<CommandResult> {
  const p = parse(args, { url: { type: 'string', multiple: true } });
  const only = urlsOf(p);
  return withProfile(p, async (profile) => {
    const result = await refreshProfileCrls(profile, undefined, only.length > 0 ? { allowUrl: (url) => only.includes(url) } : {});
    logCrlRefresh(profile.logger, 'cli', result);
    const head =
      result.results.length === 0
        ? only.length > 0
          ? 'Không có điểm phân phối danh sách thu hồi nào khớp với --url trong các chứng thư tin cậy.'
          : 'Không có điểm phân phối danh sách thu hồi nào trong các chứng thư tin cậy.'
        : `Danh sách thu hồi: tải mới ${result.fetched}, không đổi ${result.unchanged}, lỗi ${result.failed}.`;
    const unmatched = only.length > 0 && result.results.length === 0;
    return { json: result, text: [head, ...result.results.map(entryText)].join('\n'), exitCode: result.failed > 0 || unmatched ? 1 : 0 };
  });
}

// `vanthu trust crl-list --profile DIR`: the revocation lists kept in the profile, which the
// verifier and the signer use offline, and the distribution points with none yet.
export async function trustCrlList(args: string[]): Promise<CommandResult> {
  const p = parse(args, {});
  return withProfile(p, (profile) => {
    const status = revocationStatusOf(profile);
    const lines = [
      status.crls.length === 0 ? 'Chưa lưu danh sách thu hồi nào: chạy "vanthu trust crl-refresh" khi có mạng.' : `${status.crls.length} danh sách thu hồi đã lưu:`,
      ...status.crls.map((c) =>
        [
          `  ${c.issuer}`,
          `    ${c.url}`,
          `    ban hành ${when(c.thisUpdate)}, cập nhật tiếp ${when(c.nextUpdate)}${c.stale ? ' — ĐÃ QUÁ HẠN cập nhật' : ''}; tải lúc ${when(c.fetchedAt)}, ${c.size} byte`,
          ...(c.present ? [] : ['    tệp không còn trong hồ sơ (ví dụ sau khi khôi phục bản sao lưu): sẽ tải lại ở lần cập nhật sau']),
          ...(c.lastFailure ? [`    lần cập nhật ${when(c.lastFailure.at)} lỗi: ${c.lastFailure.reasonVi}`] : []),
        ].join('\n'),
      ),
      ...(status.missingUrls.length > 0 ? ['Chưa có danh sách của:', ...status.missingUrls.map((u) => `  ${u}`)] : []),
    ];
    return { json: status, text: lines.join('\n') };
  });
}
