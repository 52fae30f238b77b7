import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { CORRECTION_RELATIONS, ISSUANCE_STATE_NAMES, ISSUANCE_STATES, issuanceCreateInput, issuanceFromDraftInput, type IssuanceRecord, issuanceVoidInput } from '../../../shared/api/schemas/issuance.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { AppError } from '../../../shared/errors.ts';
import { approveIssuance, submitIssuance } from '../../issuance/approve.ts';
import { asPdfFiles } from '../../drafting/office-to-pdf.ts';
import { createIssuanceFromDraft } from '../../issuance/create-from-draft.ts';
import { createIssuance, type DraftFile, type NewIssuance } from '../../issuance/create-issuance.ts';
import { distributeIssuance } from '../../issuance/distribute-step.ts';
import { issuanceRecord, listIssuances } from '../../issuance/issuance-repo.ts';
import { issuanceSettingsOf, saveIssuanceSettings } from '../../issuance/issuance-settings.ts';
import { issueIssuance } from '../../issuance/issue-step.ts';
import { numberIssuance } from '../../issuance/number-step.ts';
import { registerIssuance } from '../../issuance/register-step.ts';
import type { StepSigning } from '../../issuance/token-signing.ts';
import { programResources } from '../../program/resources.ts';
import { voidIssuance } from '../../issuance/void-issuance.ts';
import type { Rect } from '../../pdf/sign-pdf.ts';
import type { Profile } from '../../profile/open-profile.ts';
import { optional, parse, type Parsed, readJson, required, requiredInteger } from '../args.ts';
import { placementOf } from '../placement-option.ts';
import { type CommandResult, withProfile } from '../context.ts';
import { promptPin, readPinFromStdin } from '../read-pin.ts';
import { modulePaths, withTokenClient } from './token.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

// `vanthu issue …`: the issuance workflow headless (docs/issuance.md). The draft's JSON is the
// contract's issuance.create input, except that "main" and "attachments" are PDF paths relative
// to the JSON file — or issuance.createFromDraft's, with "draft" instead of "main". The signing steps take the signing CLI's token options; the PIN comes from
// standard input (--pin-stdin) or a prompt, never from the command line.

function bad(vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en);
}

const cliDraft = issuanceCreateInput.omit({ main: true, attachments: true }).extend({
  main: z.string().min(1),
  attachments: z.array(z.string().min(1)).max(50).default([]),
});

function readPdf(path: string): DraftFile {
  try {
    return { name: basename(path), data: readFileSync(path) };
  } catch (e) {
    throw bad(`Không đọc được tệp ${path}.`, `cannot read ${path}: ${(e as Error).message}`);
  }
}

function draftFrom(source: string, raw: unknown = readJson(source)): Omit<NewIssuance, 'correction'> {
  const { main, attachments, ...fields } = parseOrThrow(cliDraft, raw, 'issuance draft');
  const base = source === '-' ? process.cwd() : dirname(resolve(source));
  return { ...fields, main: readPdf(resolve(base, main)), attachments: attachments.map((a) => readPdf(resolve(base, a))) };
}

function describe(r: IssuanceRecord): string {
  const number = r.codeNumber ? ` Số: ${numberNotation(r)}, ngày ${formatVietnameseDate(r.documentDate)}.` : '';
  return `Văn bản mã ${r.id} (${r.documentTypeName} — ${r.subject}): ${ISSUANCE_STATE_NAMES[r.state]}.${number}${r.voidReason ? ` Đã hủy: ${r.voidReason}.` : ''}`;
}

function answer(r: IssuanceRecord, extra = ''): CommandResult {
  return { json: r, text: `${describe(r)}${extra}` };
}

function source(p: Parsed): string {
  const file = p.positionals[0];
  if (!file || p.positionals.length > 1) throw bad('Cần đúng một tệp JSON của dự thảo (hoặc "-" để đọc từ đầu vào chuẩn).', 'expected one FILE.json|-');
  return file;
}

// A JSON with "draft" (the schema of `vanthu draft render`, docs/drafting.md) is rendered with the
// profile's agency and keeps the renderer's placeholders; one with "main" imports a PDF.
const cliRenderedDraft = issuanceFromDraftInput.omit({ attachments: true }).extend({
  attachments: z.array(z.string().min(1)).max(50).default([]),
});

export async function issueCreate(args: string[]): Promise<CommandResult> {
  const p = parse(args, {}, true);
  const file = source(p);
  const raw = readJson(file);
  if (typeof raw === 'object' && raw !== null && 'draft' in raw) {
    const { attachments, ...fields } = parseOrThrow(cliRenderedDraft, raw, 'issuance draft');
    const base = file === '-' ? process.cwd() : dirname(resolve(file));
    const files = attachments.map((a) => readPdf(resolve(base, a)));
    return withProfile(p, async (profile) =>
      answer(await createIssuanceFromDraft(profile, { ...fields, attachments: files.map((f) => ({ name: f.name, dataBase64: Buffer.from(f.data).toString('base64') })) })),
    );
  }
  const draft = draftFrom(file, raw);
  const [main, ...attachments] = await asPdfFiles([draft.main, ...draft.attachments]);
  return withProfile(p, (profile) => answer(createIssuance(profile, { ...draft, main: main as DraftFile, attachments })));
}

export async function issueCorrect(args: string[]): Promise<CommandResult> {
  const p = parse(args, { original: { type: 'string' }, relation: { type: 'string' } }, true);
  const relation = required(p, 'relation');
  if (!(CORRECTION_RELATIONS as readonly string[]).includes(relation)) {
    throw bad(`--relation phải là một trong: ${CORRECTION_RELATIONS.join(', ')}.`, `bad --relation ${relation}`);
  }
  const draft = draftFrom(source(p));
  const [main, ...attachments] = await asPdfFiles([draft.main, ...draft.attachments]);
  const correction = { documentId: requiredInteger(p, 'original'), relation: relation as (typeof CORRECTION_RELATIONS)[number] };
  return withProfile(p, (profile) => answer(createIssuance(profile, { ...draft, main: main as DraftFile, attachments, correction })));
}

export async function issueList(args: string[]): Promise<CommandResult> {
  const p = parse(args, { state: { type: 'string' } });
  const state = optional(p, 'state');
  if (state !== undefined && !(ISSUANCE_STATES as readonly string[]).includes(state)) {
    throw bad(`--state phải là một trong: ${ISSUANCE_STATES.join(', ')}.`, `bad --state ${state}`);
  }
  return withProfile(p, (profile) => {
    const result = listIssuances(profile, { state: state as (typeof ISSUANCE_STATES)[number] | undefined, offset: 0, limit: 500 });
    const lines = result.rows.map((r) => `${r.id}\t${ISSUANCE_STATE_NAMES[r.state]}\t${numberNotation(r) ?? '—'}\t${r.documentTypeName}\t${r.subject}`);
    return { json: result, text: [...lines, `${result.total} văn bản.`].join('\n') };
  });
}

function byId(step: (profile: Profile, id: number) => IssuanceRecord | Promise<IssuanceRecord>) {
  return async (args: string[]): Promise<CommandResult> => {
    const p = parse(args, { id: { type: 'string' } });
    const id = requiredInteger(p, 'id');
    return withProfile(p, async (profile) => answer(await step(profile, id)));
  };
}

export const issueShow = byId(issuanceRecord);
export const issueSubmit = byId(submitIssuance);
export const issueNumber = byId(numberIssuance);
export const issueRegister = byId(registerIssuance);
export const issueDistribute = byId(distributeIssuance);

export async function issueVoid(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' }, reason: { type: 'string' } });
  const input = parseOrThrow(issuanceVoidInput, { id: requiredInteger(p, 'id'), reason: required(p, 'reason') }, 'void');
  return withProfile(p, (profile) => answer(voidIssuance(profile, input.id, input.reason), ' Số giữ nguyên trong sổ, không cấp lại.'));
}

export async function issueSettings(args: string[]): Promise<CommandResult> {
  const p = parse(args, { 'allow-secret': { type: 'string' } });
  const allow = optional(p, 'allow-secret');
  if (allow !== undefined && allow !== 'yes' && allow !== 'no') throw bad('--allow-secret phải là yes hoặc no.', `bad --allow-secret ${allow}`);
  return withProfile(p, (profile) => {
    const settings = allow === undefined ? issuanceSettingsOf(profile) : saveIssuanceSettings(profile, { allowSecretDrafts: allow === 'yes' });
    return { json: settings, text: settings.allowSecretDrafts ? 'Được soạn văn bản mật trên máy này.' : 'Không soạn văn bản mật trên máy này.' };
  });
}

type SigningStep = (profile: Profile, id: number, signing: StepSigning, placement: { page: number; rect: Rect } | null) => Promise<IssuanceRecord>;

function withToken(step: SigningStep) {
  return async (args: string[]): Promise<CommandResult> => {
    const p = parse(args, {
      id: { type: 'string' },
      module: { type: 'string', multiple: true },
      token: { type: 'string' },
      cert: { type: 'string' },
      'pin-stdin': { type: 'boolean' },
      page: { type: 'string' },
      rect: { type: 'string' },
    });
    const id = requiredInteger(p, 'id');
    const modulePath = modulePaths(p)[0];
    if (!modulePath) throw bad('Thiếu tham số --module (đường dẫn thư viện PKCS#11 của thiết bị ký số).', 'missing --module');
    const tokenLabel = required(p, 'token');
    const certificateId = required(p, 'cert');
    const placement = placementOf(p);
    const pin = p.values['pin-stdin'] === true ? await readPinFromStdin() : await promptPin(`Mã PIN của thiết bị "${tokenLabel}": `);
    return withProfile(p, (profile) =>
      withTokenClient(async (client) => {
        const tokens = await client.listTokens(modulePath);
        const token = tokens.find((t) => t.label === tokenLabel) ?? tokens.find((t) => t.serialNumber === tokenLabel);
        if (!token) {
          throw new AppError('TOKEN_UNAVAILABLE', `Không thấy thiết bị ký số "${tokenLabel}". Thiết bị đang cắm: ${tokens.map((t) => `"${t.label}"`).join(', ') || 'không có'}.`, `token ${tokenLabel} not found in ${modulePath}`);
        }
        const access = { client, modulePath, tokenSerial: token.serialNumber, certificateId, pin: token.pinStatus.pinPad ? null : pin };
        return answer(await step(profile, id, { access, resources: programResources() }, placement));
      }),
    );
  };
}

export const issueApprove = withToken(approveIssuance);
export const issueIssue = withToken(issueIssuance);
