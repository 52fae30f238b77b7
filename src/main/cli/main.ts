import { isAppError, isBadInput } from '../../shared/errors.ts';
import { mapSqliteError } from '../db/sqlite-errors.ts';
import type { Command } from './context.ts';

// `vanthu <command> [subcommand] --profile DIR … [--json]`. Exit codes: 0 ok, 2 bad input,
// 1 any other failure; errors in Vietnamese for the clerk and English for whoever reads logs.
// Each command's module is imported when that command runs: loading all of them (SQLite, the PDF
// and signing code, tesseract.js) cost `vanthu help` most of its start (docs/cli.md "How the
// command runs"). A new command is one line here, with its module's path written out so that
// the bundle (scripts/build-cli.ts) can put it in a chunk of its own.
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/profile.ts')).init,
  'profile show': async () => (await import('./commands/profile.ts')).profileShow,
  'series list': async () => (await import('./commands/profile.ts')).seriesList,
  'series add': async () => (await import('./commands/profile.ts')).seriesAdd,
  'incoming add': async () => (await import('./commands/documents.ts')).incomingAdd,
  propose: async () => (await import('./commands/propose.ts')).propose,
  ocr: async () => (await import('./commands/ocr.ts')).ocr,
  'outgoing add': async () => (await import('./commands/documents.ts')).outgoingAdd,
  'document show': async () => (await import('./commands/documents.ts')).documentShow,
  'document void': async () => (await import('./commands/documents.ts')).documentVoid,
  'processing update': async () => (await import('./commands/documents.ts')).processingUpdate,
  'processing list': async () => (await import('./commands/documents.ts')).processingList,
  'processing record': async () => (await import('./commands/processing.ts')).processingRecord,
  'processing instruct': async () => (await import('./commands/processing.ts')).processingInstruct,
  'processing history': async () => (await import('./commands/processing.ts')).processingHistoryCommand,
  'processing units': async () => (await import('./commands/processing.ts')).processingUnits,
  'processing slip': async () => (await import('./commands/processing.ts')).processingSlip,
  'reply link': async () => (await import('./commands/replies.ts')).replyLinkCommand,
  'reply unlink': async () => (await import('./commands/replies.ts')).replyUnlinkCommand,
  'reply list': async () => (await import('./commands/replies.ts')).replyListCommand,
  search: async () => (await import('./commands/search.ts')).search,
  'register export': async () => (await import('./commands/books.ts')).registerExport,
  import: async () => (await import('./commands/books.ts')).importBook,
  backup: async () => (await import('./commands/maintenance.ts')).backup,
  restore: async () => (await import('./commands/maintenance.ts')).restore,
  'audit verify': async () => (await import('./commands/maintenance.ts')).auditVerify,
  'audit list': async () => (await import('./commands/maintenance.ts')).auditList,
  'db check': async () => (await import('./commands/maintenance.ts')).dbCheck,
  'token list': async () => (await import('./commands/token.ts')).tokenList,
  'signing settings': async () => (await import('./commands/signing-settings.ts')).signingSettings,
  'trust list': async () => (await import('./commands/trust.ts')).trustList,
  'trust import': async () => (await import('./commands/trust.ts')).trustImport,
  'trust remove': async () => (await import('./commands/trust.ts')).trustRemove,
  'trust crl-refresh': async () => (await import('./commands/trust-crl.ts')).trustCrlRefresh,
  'trust crl-list': async () => (await import('./commands/trust-crl.ts')).trustCrlList,
  sign: async () => (await import('./commands/sign.ts')).sign,
  number: async () => (await import('./commands/number.ts')).number,
  verify: async () => (await import('./commands/verify.ts')).verify,
  'draft render': async () => (await import('./commands/draft.ts')).draftRender,
  'issue create': async () => (await import('./commands/issue.ts')).issueCreate,
  'issue correct': async () => (await import('./commands/issue.ts')).issueCorrect,
  'issue list': async () => (await import('./commands/issue.ts')).issueList,
  'issue show': async () => (await import('./commands/issue.ts')).issueShow,
  'issue submit': async () => (await import('./commands/issue.ts')).issueSubmit,
  'issue approve': async () => (await import('./commands/issue.ts')).issueApprove,
  'issue number': async () => (await import('./commands/issue.ts')).issueNumber,
  'issue issue': async () => (await import('./commands/issue.ts')).issueIssue,
  'issue register': async () => (await import('./commands/issue.ts')).issueRegister,
  'issue distribute': async () => (await import('./commands/issue.ts')).issueDistribute,
  'issue void': async () => (await import('./commands/issue.ts')).issueVoid,
  'issue settings': async () => (await import('./commands/issue.ts')).issueSettings,
  hub: async () => (await import('./commands/hub.ts')).hub,
  'edxml inspect': async () => (await import('./commands/edxml.ts')).edxmlInspect,
  'edxml pack': async () => (await import('./commands/edxml-pack.ts')).edxmlPack,
  sync: async () => (await import('./commands/sync.ts')).sync,
  'document recall': async () => (await import('./commands/recall.ts')).documentRecall,
  'inbox list': async () => (await import('./commands/inbox.ts')).inboxList,
  'inbox show': async () => (await import('./commands/inbox.ts')).inboxShow,
  'inbox accept': async () => (await import('./commands/inbox.ts')).inboxAccept,
  'inbox refuse': async () => (await import('./commands/inbox.ts')).inboxRefuse,
  'inbox answer': async () => (await import('./commands/inbox.ts')).inboxAnswer,
  'hub-config': async () => (await import('./commands/hub-config.ts')).hubConfig,
  'agencies refresh': async () => (await import('./commands/agencies.ts')).agenciesRefresh,
  'agencies search': async () => (await import('./commands/agencies.ts')).agenciesSearch,
  today: async () => (await import('./commands/today.ts')).today,
  'copy digitise': async () => (await import('./commands/copy.ts')).copyDigitise,
  'copy options': async () => (await import('./commands/copy.ts')).copyOptions,
  'copy make': async () => (await import('./commands/copy.ts')).copyMake,
  'copy send': async () => (await import('./commands/copy.ts')).copySend,
  'secret add': async () => (await import('./commands/copy.ts')).secretAdd,
  'secret list': async () => (await import('./commands/copy.ts')).secretList,
  'records plan': async () => (await import('./commands/records.ts')).recordsPlan,
  'records file-add': async () => (await import('./commands/records.ts')).recordsFileAdd,
  'records file-remove': async () => (await import('./commands/records.ts')).recordsFileRemove,
  'records close': async () => (await import('./commands/records.ts')).recordsClose,
  'records reopen': async () => (await import('./commands/records.ts')).recordsReopen,
  'records list': async () => (await import('./commands/records.ts')).recordsList,
  'records show': async () => (await import('./commands/records.ts')).recordsShow,
  'records handover': async () => (await import('./commands/records.ts')).recordsHandover,
  'records due': async () => (await import('./commands/records.ts')).recordsDue,
  'records print': async () => (await import('./commands/records-archive.ts')).recordsPrint,
  'records package': async () => (await import('./commands/records-archive.ts')).recordsPackage,
  'records verify-package': async () => (await import('./commands/records-archive.ts')).recordsVerifyPackage,
  'report incoming': async () => (await import('./commands/report.ts')).reportIncoming,
  'report outgoing': async () => (await import('./commands/report.ts')).reportOutgoing,
  'report yearly': async () => (await import('./commands/report.ts')).reportYearly,
  'report views': async () => (await import('./commands/report.ts')).reportViews,
};

const HELP = `vanthu — VanThu Desktop từ dòng lệnh / from the command line

  vanthu init --profile DIR --agency AGENCY.json
  vanthu profile show --profile DIR
  vanthu series list|add --profile DIR [--name N --types quyet-dinh,chi-thi --issuer ABBR]
  vanthu incoming add --profile DIR FILE.json|- [--allow-duplicate]
  vanthu propose FILE.pdf                                  (đề xuất số, ký hiệu, ngày, cơ quan, loại, trích yếu, người ký từ chữ của tệp PDF)
  vanthu ocr FILE.pdf|.png|.jpg|.tif [--searchable OUT.pdf] [--profile DIR]   (nhận dạng chữ bản quét, không cần mạng, và đề xuất các ô như trên; --profile: lưu chữ để tìm khi vào sổ tệp này)
  vanthu outgoing add --profile DIR FILE.json|-
  vanthu document show|void --profile DIR --id N [--reason TEXT]
  vanthu processing update --profile DIR --id N [--status S --unit U --person P --due YYYY-MM-DD --reply X]
  vanthu processing list --profile DIR [--filter open|overdue|all]
  vanthu processing instruct --profile DIR --id N --author "Chủ tịch …" --lead "ĐƠN VỊ|NGƯỜI|YYYY-MM-DD" [--coordinate "…"]… [--text T --given D --corrects E]
  vanthu processing record --profile DIR FILE.json|-      (mọi loại mục: ý kiến chỉ đạo, lãnh đạo đơn vị, đề xuất, tiến độ, kết quả; docs/processing.md)
  vanthu processing history --profile DIR --id N
  vanthu processing units --profile DIR [--within N]      (quá hạn và sắp đến hạn theo đơn vị)
  vanthu processing slip --profile DIR --id N --out FILE.pdf   (phiếu giải quyết văn bản đến)
  vanthu reply link --profile DIR --incoming N (--outgoing N | --issuance N)   (trả lời văn bản đến)
  vanthu reply unlink --profile DIR --link N
  vanthu reply list --profile DIR (--document N | --issuance N)
  vanthu search --profile DIR QUERY [--kind incoming|outgoing|all --year Y --type T --from D --to D --status S --priority P]
  vanthu register export --profile DIR --kind incoming|outgoing|followup --year Y --format json|csv|xlsx|pdf --out FILE [--from D --to D]
  vanthu import --profile DIR --kind incoming|outgoing FILE.csv|FILE.xlsx [--dry-run]
  vanthu backup --profile DIR [--out FILE]
  vanthu restore --profile DIR --from FILE
  vanthu audit verify|list --profile DIR
  vanthu db check --profile DIR
  vanthu token list [--module PATH]…
  vanthu signing settings --profile DIR [--signature-image PNG] [--seal-image PNG] [--tsa URL|none] [--trust DIR]… [--module PATH]… [--seal-mm N]
  vanthu sign --module PATH --token LABEL --cert ID [--pin-stdin] --kind approval|agency|attachment|copy IN.pdf --out OUT.pdf
              [--image PNG] [--page N --rect x1,y1,x2,y2 | --anchor TEXT] [--number "12/QĐ-UBND"] [--agency NAME] [--tsa URL] [--seal-mm 36]
  vanthu number IN.pdf --out OUT.pdf --number "12/QĐ-UBND" --date YYYY-MM-DD [--place "Xã Hòa Tiến"] [--number-at P,X,Y] [--date-at P,X,Y | --date-anchor TEXT]
  vanthu draft render FILE.json|- --out OUT.pdf (--profile DIR | --agency AGENCY.json) [--year Y]
  vanthu verify FILE.pdf [--profile DIR] [--trust DIR]… [--crl FILE]…
  vanthu trust list --profile DIR
  vanthu trust import --profile DIR FILE.cer|.crt|.pem|.p7b… [--replace] [--dry-run]
  vanthu trust remove --profile DIR --sha256 HEX
  vanthu trust crl-refresh --profile DIR [--url URL]…      (tải danh sách thu hồi của các tổ chức cấp chứng thư khi có mạng)
  vanthu trust crl-list --profile DIR                      (danh sách thu hồi đã lưu, dùng khi không có mạng)
  vanthu issue create --profile DIR DRAFT.json|-          (dự thảo: "main": "du-thao.pdf", "attachments": [...], xem docs/issuance.md)
  vanthu issue correct --profile DIR --original N --relation amends|replaces|corrects DRAFT.json|-
  vanthu issue list|show --profile DIR [--state S | --id N]
  vanthu issue submit|number|register|distribute --profile DIR --id N
  vanthu issue approve|issue --profile DIR --id N --module PATH --token LABEL --cert ID [--pin-stdin] [--page N --rect x1,y1,x2,y2]
  vanthu issue void --profile DIR --id N --reason TEXT
  vanthu issue settings --profile DIR [--allow-secret yes|no]
  vanthu edxml inspect FILE.edxml
  vanthu edxml pack --profile DIR --document ID --out FILE [--business new|revoke|update|replace] [--reason TEXT]
  vanthu sync --profile DIR                                (một lần đồng bộ với trục; tiến độ ra stderr)
  vanthu document recall --profile DIR --id N --reason TEXT   (xin thu hồi văn bản đã gửi qua trục)
  vanthu inbox list|show --profile DIR [--state received|accepted|refused|all | --id N]
  vanthu inbox accept --profile DIR --id N [--allow-duplicate]
  vanthu inbox refuse --profile DIR --id N --reason TEXT
  vanthu inbox answer --profile DIR --id N --agree|--refuse --reason TEXT
  vanthu hub --port P --data DIR --systems FILE.json [--latency-ms N --bandwidth B/s --drop-after N --error-rate R --redeliver-acks N]
  vanthu hub-config --profile DIR [--endpoint URL --system-id ID --secret-stdin] [--ca FILE]… [--schedule HH:mm|none] [--enabled yes|no]
  vanthu agencies refresh|search --profile DIR [QUERY] [--limit N --offset N]
  vanthu today --profile DIR [--days N]                    (Hôm nay: chờ tiếp nhận, khẩn chưa trình, hạn xử lý, chưa phát hành, chờ gửi)
  vanthu copy digitise --profile DIR --id N --paper original|certified-copy SCAN.pdf|PAGE.png…  (số hóa: PDF ≥ 1.4, màu, ≥ 200 dpi)
  vanthu copy options --profile DIR --id N                (các hình thức sao được phép của từng tệp, và lý do khi không)
  vanthu copy make --profile DIR --id N --file SHA256 --kind sao-y|sao-luc|trich-sao --form electronic|paper [--excerpt FILE.pdf] [--out FILE.pdf]
              electronic: --module PATH --token LABEL --cert ID [--pin-stdin]; paper: --signer-position P --signer-name N [--signer-competence C] --recipient R…
  vanthu copy send --profile DIR --copy N --to "MÃ_ĐỊNH_DANH Tên cơ quan"…
  vanthu secret add|list --profile DIR [FILE.json|- | --year Y]   (sổ văn bản mật đến, riêng)
  vanthu records plan show|create|approve --profile DIR [--year Y] [--from-previous --numbering plan|heading] [--decision N --date D --by B]   (danh mục hồ sơ)
  vanthu records plan heading --profile DIR [--year Y] [--id N | --parent N] --title T [--abbreviation A] [--position N]
  vanthu records plan file --profile DIR [--year Y] [--id N] [--heading N] --title T --retention N|vinh-vien --creator C [--position N --note G]
  vanthu records file-add|file-remove --profile DIR DOC FILE [--year Y]   (FILE: mã hồ sơ hoặc số và ký hiệu, ví dụ 01.VP)
  vanthu records close|show --profile DIR FILE [--year Y]        (kết thúc hồ sơ: ngày, số văn bản, số trang từ tệp PDF)
  vanthu records reopen --profile DIR FILE --reason TEXT [--year Y]
  vanthu records list --profile DIR [--year Y --status open|closed|handed_over --query Q]
  vanthu records handover --profile DIR --year Y --files 01.VP,02.VP --giver N --receiver N [--giver-title --giver-unit --receiver-title --basis --condition]
  vanthu records due --profile DIR [--days 30]                   (hồ sơ đến hạn nộp lưu)
  vanthu records print plan --profile DIR --year Y [--format pdf|xlsx] [--out PATH]   (in danh mục hồ sơ, Phụ lục V mẫu II)
  vanthu records print contents --profile DIR FILE [--year Y] [--out PATH]              (mục lục văn bản, tài liệu trong hồ sơ, mẫu IV)
  vanthu records print handover-list|handover-record --profile DIR --handover N [--out PATH]   (mục lục hồ sơ nộp lưu, mẫu III; biên bản giao nhận, mẫu V)
  vanthu records package --profile DIR --handover N --out PACKAGE_DIR                   (gói nộp lưu điện tử, kiểm tra ngay sau khi lập)
  vanthu records verify-package PACKAGE_DIR                       (kiểm tra gói nộp lưu: mã 0 hợp lệ, 1 có lỗi)
  vanthu report incoming|outgoing --profile DIR --from YYYY-MM-DD --to YYYY-MM-DD [--format pdf|xlsx --out PATH]   (báo cáo tình hình giải quyết văn bản đến, đi)
  vanthu report yearly --profile DIR [--year Y] [--format pdf|xlsx --out PATH]   (thống kê công tác văn thư của năm)
  vanthu report views --profile DIR --from YYYY-MM-DD --to YYYY-MM-DD [--limit N] [--format pdf|xlsx --out PATH]   (lượt xem, tải từng văn bản)

Mọi lệnh nhận --json để in kết quả dạng JSON. Mã thoát: 0 thành công, 2 dữ liệu vào sai, 1 lỗi khác.
Every command takes --json. Exit codes: 0 ok, 2 bad input, 1 other failure. Schemas: docs/cli.md.`;

function resolveCommand(argv: string[]): { load: () => Promise<Command>; rest: string[] } | null {
  const two = `${argv[0]} ${argv[1]}`;
  if (COMMANDS[two]) return { load: COMMANDS[two], rest: argv.slice(2) };
  const one = argv[0] ?? '';
  if (COMMANDS[one]) return { load: COMMANDS[one], rest: argv.slice(1) };
  return null;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    console.log(HELP);
    return 0;
  }
  const resolved = resolveCommand(argv);
  if (!resolved) {
    console.error(`Lỗi: không có lệnh "${argv.slice(0, 2).join(' ')}". Xem "vanthu help".\nError: unknown command "${argv.slice(0, 2).join(' ')}".`);
    return 2;
  }
  try {
    const command = await resolved.load();
    const result = await command(resolved.rest);
    console.log(json ? JSON.stringify(result.json, null, 2) : result.text);
    return result.exitCode ?? 0;
  } catch (raw) {
    const e = mapSqliteError(raw, '');
    if (isAppError(e)) {
      if (json) console.error(JSON.stringify({ ok: false, code: e.code, message: e.messageVi, detail: e.message, data: e.data }, null, 2));
      else console.error(`Lỗi: ${e.messageVi}\nError: ${e.message}`);
      return isBadInput(e.code) ? 2 : 1;
    }
    console.error(`Lỗi: đã xảy ra lỗi không mong muốn.\nError: ${(e as Error)?.stack ?? String(e)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
