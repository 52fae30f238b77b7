import { isAppError, isBadInput } from '../../shared/errors.ts';
import { mapSqliteError } from '../db/sqlite-errors.ts';
import { registerExport, importBook } from './commands/books.ts';
import { documentShow, documentVoid, incomingAdd, outgoingAdd, processingList, processingUpdate } from './commands/documents.ts';
import { auditList, auditVerify, backup, dbCheck, restore } from './commands/maintenance.ts';
import { processingHistoryCommand, processingInstruct, processingRecord, processingSlip, processingUnits } from './commands/processing.ts';
import { replyLinkCommand, replyListCommand, replyUnlinkCommand } from './commands/replies.ts';
import {
  issueApprove,
  issueCorrect,
  issueCreate,
  issueDistribute,
  issueIssue,
  issueList,
  issueNumber,
  issueRegister,
  issueSettings,
  issueShow,
  issueSubmit,
  issueVoid,
} from './commands/issue.ts';
import { init, profileShow, seriesAdd, seriesList } from './commands/profile.ts';
import { number } from './commands/number.ts';
import { draftRender } from './commands/draft.ts';
import { edxmlInspect } from './commands/edxml.ts';
import { edxmlPack } from './commands/edxml-pack.ts';
import { sync } from './commands/sync.ts';
import { documentRecall } from './commands/recall.ts';
import { inboxAccept, inboxAnswer, inboxList, inboxRefuse, inboxShow } from './commands/inbox.ts';
import { hub } from './commands/hub.ts';
import { agenciesRefresh, agenciesSearch } from './commands/agencies.ts';
import { hubConfig } from './commands/hub-config.ts';
import { search } from './commands/search.ts';
import { sign } from './commands/sign.ts';
import { signingSettings } from './commands/signing-settings.ts';
import { tokenList } from './commands/token.ts';
import { trustImport, trustList, trustRemove } from './commands/trust.ts';
import { trustCrlList, trustCrlRefresh } from './commands/trust-crl.ts';
import { today } from './commands/today.ts';
import { verify } from './commands/verify.ts';
import { propose } from './commands/propose.ts';
import { ocr } from './commands/ocr.ts';
import { copyDigitise, copyMake, copyOptions, copySend, secretAdd, secretList } from './commands/copy.ts';
import { recordsClose, recordsDue, recordsFileAdd, recordsFileRemove, recordsHandover, recordsList, recordsPlan, recordsReopen, recordsShow } from './commands/records.ts';
import type { Command } from './context.ts';

// `vanthu <command> [subcommand] --profile DIR … [--json]`. Exit codes: 0 ok, 2 bad input,
// 1 any other failure; errors in Vietnamese for the clerk and English for whoever reads logs.
const COMMANDS: Record<string, Command> = {
  init,
  'profile show': profileShow,
  'series list': seriesList,
  'series add': seriesAdd,
  'incoming add': incomingAdd,
  propose,
  ocr,
  'outgoing add': outgoingAdd,
  'document show': documentShow,
  'document void': documentVoid,
  'processing update': processingUpdate,
  'processing list': processingList,
  'processing record': processingRecord,
  'processing instruct': processingInstruct,
  'processing history': processingHistoryCommand,
  'processing units': processingUnits,
  'processing slip': processingSlip,
  'reply link': replyLinkCommand,
  'reply unlink': replyUnlinkCommand,
  'reply list': replyListCommand,
  search,
  'register export': registerExport,
  import: importBook,
  backup,
  restore,
  'audit verify': auditVerify,
  'audit list': auditList,
  'db check': dbCheck,
  'token list': tokenList,
  'signing settings': signingSettings,
  'trust list': trustList,
  'trust import': trustImport,
  'trust remove': trustRemove,
  'trust crl-refresh': trustCrlRefresh,
  'trust crl-list': trustCrlList,
  sign,
  number,
  verify,
  'draft render': draftRender,
  'issue create': issueCreate,
  'issue correct': issueCorrect,
  'issue list': issueList,
  'issue show': issueShow,
  'issue submit': issueSubmit,
  'issue approve': issueApprove,
  'issue number': issueNumber,
  'issue issue': issueIssue,
  'issue register': issueRegister,
  'issue distribute': issueDistribute,
  'issue void': issueVoid,
  'issue settings': issueSettings,
  hub,
  'edxml inspect': edxmlInspect,
  'edxml pack': edxmlPack,
  sync,
  'document recall': documentRecall,
  'inbox list': inboxList,
  'inbox show': inboxShow,
  'inbox accept': inboxAccept,
  'inbox refuse': inboxRefuse,
  'inbox answer': inboxAnswer,
  'hub-config': hubConfig,
  'agencies refresh': agenciesRefresh,
  'agencies search': agenciesSearch,
  today,
  'copy digitise': copyDigitise,
  'copy options': copyOptions,
  'copy make': copyMake,
  'copy send': copySend,
  'secret add': secretAdd,
  'secret list': secretList,
  'records plan': recordsPlan,
  'records file-add': recordsFileAdd,
  'records file-remove': recordsFileRemove,
  'records close': recordsClose,
  'records reopen': recordsReopen,
  'records list': recordsList,
  'records show': recordsShow,
  'records handover': recordsHandover,
  'records due': recordsDue,
};

const HELP = `vanthu — VanThu Desktop từ dòng lệnh / from the command line

  vanthu init --profile DIR --agency AGENCY.json
  vanthu profile show --profile DIR
  vanthu series list|add --profile DIR [--name N --types quyet-dinh,chi-thi --issuer ABBR]
  vanthu incoming add --profile DIR FILE.json|- [--allow-duplicate]
  vanthu propose FILE.pdf                                  (đề xuất số, ký hiệu, ngày, cơ quan, loại, trích yếu, người ký từ chữ của tệp PDF)
  vanthu ocr FILE.pdf|.png|.jpg|.tif                       (nhận dạng chữ bản quét, không cần mạng, và đề xuất các ô như trên)
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

Mọi lệnh nhận --json để in kết quả dạng JSON. Mã thoát: 0 thành công, 2 dữ liệu vào sai, 1 lỗi khác.
Every command takes --json. Exit codes: 0 ok, 2 bad input, 1 other failure. Schemas: docs/cli.md.`;

function resolveCommand(argv: string[]): { command: Command; rest: string[] } | null {
  const two = `${argv[0]} ${argv[1]}`;
  if (COMMANDS[two]) return { command: COMMANDS[two], rest: argv.slice(2) };
  const one = argv[0] ?? '';
  if (COMMANDS[one]) return { command: COMMANDS[one], rest: argv.slice(1) };
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
    const result = await resolved.command(resolved.rest);
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
