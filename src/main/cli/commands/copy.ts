import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { copyDistributeInput, digitiseInput, makeElectronicCopyInput, makePaperCopyInput, secretIncomingInput, type CopyRecord } from '../../../shared/api/schemas/copies.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { COPY_FORMS, type CopyForm } from '../../../shared/domain/copy-rules.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { AppError } from '../../../shared/errors.ts';
import { copyOptionsOf } from '../../copies/copy-source.ts';
import { digitise } from '../../copies/digitise.ts';
import { distributeCopy } from '../../copies/distribute-copy.ts';
import { makeElectronicCopy, makePaperCopy } from '../../copies/make-copy.ts';
import { programResources } from '../../program/resources.ts';
import type { Profile } from '../../profile/open-profile.ts';
import { readAttachment } from '../../registry/documents.ts';
import { listSecretIncoming, registerSecretIncoming } from '../../registry/secret-incoming.ts';
import { requireSecretClearance } from '../../services/secret-clearance.ts';
import { integer, optional, parse, readJson, required, requiredInteger } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';
import { promptPin, readPinFromStdin } from '../read-pin.ts';
import { modulePaths, withTokenClient } from './token.ts';

// `vanthu copy …` and `vanthu secret …` (docs/cli.md, docs/copies.md): the same modules and the
// same contract schemas as the app, so the CLI refuses what the app refuses.

function bad(vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en);
}

function upload(path: string): { name: string; dataBase64: string } {
  try {
    return { name: basename(path), dataBase64: readFileSync(path).toString('base64') };
  } catch (e) {
    throw bad(`Không đọc được tệp ${path}.`, `cannot read ${path}: ${(e as Error).message}`);
  }
}

// vanthu copy digitise --profile DIR --id N --paper original|certified-copy (SCAN.pdf | PAGE.png PAGE.jpg …) [--name NAME]
export async function copyDigitise(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' }, paper: { type: 'string' }, name: { type: 'string' } }, true);
  const files = p.positionals;
  if (files.length === 0) throw bad('Thiếu tệp PDF quét hoặc các ảnh trang.', 'no scan given');
  const pdf = files.length === 1 && files[0]!.toLowerCase().endsWith('.pdf') ? upload(files[0]!) : null;
  const input = parseOrThrow(
    digitiseInput,
    { documentId: requiredInteger(p, 'id'), paperKind: required(p, 'paper'), pdf, images: pdf ? [] : files.map(upload), name: optional(p, 'name') ?? null },
    'digitise',
  );
  return withProfile(p, async (profile) => {
    const made = await digitise(profile, input);
    return {
      json: made,
      text: `Đã số hóa "${made.file.name}" (${made.file.sha256}): ${made.verdict.pages.length} trang, ảnh màu, thấp nhất ${made.verdict.minDpi} dpi, PDF ${made.verdict.pdfVersion}.`,
    };
  });
}

// vanthu copy options --profile DIR --id N
export async function copyOptions(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' } });
  return withProfile(p, (profile) => {
    const options = copyOptionsOf(profile, requiredInteger(p, 'id'));
    const lines = options.files.flatMap((f) => [
      `${f.name} (${f.sha256})${f.digitised ? `, bản số hóa: ${f.digitised}` : ''}`,
      ...f.options.map((o) => `  ${o.kind} ${o.form}: ${o.answer.allowed ? `được (${o.answer.basis})` : `không — ${o.answer.reasonVi}`}`),
    ]);
    return { json: options, text: lines.join('\n') || 'Văn bản chưa có tệp nào.' };
  });
}

function copyText(c: CopyRecord): string {
  return `Đã lập bản sao số ${c.numberNotation} (${c.kind}, ${c.form === 'electronic' ? 'điện tử' : 'giấy'}) ngày ${formatVietnameseDate(c.copyDate)}, mã văn bản ${c.copyDocumentId}, bản sao ${c.id}.`;
}

function saveOut(profile: Profile, c: CopyRecord, out: string | undefined): void {
  if (out) writeFileSync(out, readAttachment(profile, c.copyDocumentId, c.file.sha256).data);
}

// vanthu copy make --profile DIR --id N --file SHA256 --kind sao-y|sao-luc|trich-sao --form electronic|paper
//   [--excerpt FILE.pdf] [--subject T] [--out FILE.pdf]
//   electronic: --module PATH --token LABEL --cert ID [--pin-stdin]
//   paper: --signer-position P --signer-name N [--signer-competence C] --recipient R…
export async function copyMake(args: string[]): Promise<CommandResult> {
  const p = parse(args, {
    id: { type: 'string' },
    file: { type: 'string' },
    kind: { type: 'string' },
    form: { type: 'string' },
    excerpt: { type: 'string' },
    subject: { type: 'string' },
    out: { type: 'string' },
    module: { type: 'string', multiple: true },
    token: { type: 'string' },
    cert: { type: 'string' },
    'pin-stdin': { type: 'boolean' },
    'signer-position': { type: 'string' },
    'signer-name': { type: 'string' },
    'signer-competence': { type: 'string' },
    recipient: { type: 'string', multiple: true },
  });
  const form = required(p, 'form');
  if (!(COPY_FORMS as readonly string[]).includes(form)) throw bad('--form phải là electronic hoặc paper.', `bad --form ${form}`);
  const excerptPath = optional(p, 'excerpt');
  const common = {
    documentId: requiredInteger(p, 'id'),
    sourceSha256: required(p, 'file'),
    kind: required(p, 'kind'),
    excerpt: excerptPath ? upload(excerptPath) : null,
    subject: optional(p, 'subject') ?? null,
  };
  const out = optional(p, 'out');
  if ((form as CopyForm) === 'paper') {
    const recipients = (p.values.recipient as unknown as string[] | undefined) ?? [];
    const input = parseOrThrow(
      makePaperCopyInput,
      { ...common, signerPosition: optional(p, 'signer-position'), signerName: optional(p, 'signer-name'), signerCompetence: optional(p, 'signer-competence') ?? null, recipients },
      'paper copy',
    );
    return withProfile(p, async (profile) => {
      const copy = await makePaperCopy(profile, programResources(), input);
      saveOut(profile, copy, out);
      return { json: copy, text: `${copyText(copy)} In trang cuối, người có thẩm quyền ký và đóng dấu.` };
    });
  }
  const modulePath = modulePaths(p)[0];
  if (!modulePath) throw bad('Thiếu tham số --module (đường dẫn thư viện PKCS#11 của thiết bị ký số).', 'missing --module');
  const tokenLabel = required(p, 'token');
  const certificateId = required(p, 'cert');
  const pin = p.values['pin-stdin'] === true ? await readPinFromStdin() : await promptPin(`Mã PIN của thiết bị "${tokenLabel}": `);
  return withProfile(p, (profile) =>
    withTokenClient(async (client) => {
      const tokens = await client.listTokens(modulePath);
      const token = tokens.find((t) => t.label === tokenLabel) ?? tokens.find((t) => t.serialNumber === tokenLabel);
      if (!token) throw new AppError('TOKEN_UNAVAILABLE', `Không thấy thiết bị ký số "${tokenLabel}".`, `token ${tokenLabel} not found in ${modulePath}`);
      const input = parseOrThrow(makeElectronicCopyInput, { ...common, modulePath, tokenSerial: token.serialNumber, certificateId, pin: token.pinStatus.pinPad ? null : pin }, 'electronic copy');
      const copy = await makeElectronicCopy(profile, { client, modulePath, tokenSerial: token.serialNumber, certificateId, pin: input.pin }, programResources(), input);
      saveOut(profile, copy, out);
      return { json: copy, text: copyText(copy) };
    }),
  );
}

// vanthu copy send --profile DIR --copy N --to "000.00.12.H17 Sở Y tế …"…
export async function copySend(args: string[]): Promise<CommandResult> {
  const p = parse(args, { copy: { type: 'string' }, to: { type: 'string', multiple: true } });
  const to = (p.values.to as unknown as string[] | undefined) ?? [];
  const recipients = to.map((line) => {
    const m = /^(\S+)\s+(.+)$/.exec(line.trim());
    if (!m) throw bad(`--to "${line}": phải là mã định danh rồi tên cơ quan.`, `bad --to ${line}`);
    return { organId: m[1], name: m[2] };
  });
  const input = parseOrThrow(copyDistributeInput, { copyId: requiredInteger(p, 'copy'), recipients }, 'copy send');
  return withProfile(p, (profile) => {
    const copy = distributeCopy(profile, input.copyId, input.recipients);
    return { json: copy, text: `Đã đưa bản sao ${copy.numberNotation} vào hàng chờ gửi cho ${copy.queued.map((q) => q.name).join(', ')}; lần đồng bộ tới sẽ gửi.` };
  });
}

// vanthu secret add --profile DIR FILE.json|-
export async function secretAdd(args: string[]): Promise<CommandResult> {
  const p = parse(args, {}, true);
  const source = p.positionals[0];
  if (!source) throw bad('Thiếu tệp JSON của văn bản mật đến (hoặc "-").', 'missing FILE.json|-');
  const input = parseOrThrow(secretIncomingInput, readJson(source), 'secret incoming document');
  return withProfile(p, (profile) => {
    requireSecretClearance(profile);
    const made = registerSecretIncoming(profile, input);
    return { json: made, text: `Đã vào ${made.seriesName}: số đến ${made.number} năm ${made.year}.` };
  });
}

// vanthu secret list --profile DIR [--year Y]
export async function secretList(args: string[]): Promise<CommandResult> {
  const p = parse(args, { year: { type: 'string' } });
  return withProfile(p, (profile) => {
    requireSecretClearance(profile);
    const list = listSecretIncoming(profile, integer(p, 'year'));
    return { json: list, text: list.map((d) => `${d.number}/${d.year}  ${formatVietnameseDate(d.arrivalDate)}  ${d.codeNumber}/${d.codeNotation}  ${d.issuingAgency}`).join('\n') || 'Sổ văn bản mật đến chưa có văn bản nào.' };
  });
}
