import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SIGNATURE_KINDS, type SignatureKind } from '../../../shared/domain/signature-kinds.ts';
import { AppError } from '../../../shared/errors.ts';
import { prepareSigning, signFile } from '../../signing/sign-file.ts';
import { optional, parse, type Parsed, required } from '../args.ts';
import { placementOf } from '../placement-option.ts';
import type { CommandResult } from '../context.ts';
import { promptPin, readPinFromStdin } from '../read-pin.ts';
import { modulePaths, withTokenClient } from './token.ts';

function bad(vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en);
}

function kindOf(p: Parsed): SignatureKind {
  const kind = required(p, 'kind');
  if (!(SIGNATURE_KINDS as readonly string[]).includes(kind)) {
    throw bad(`--kind phải là một trong: ${SIGNATURE_KINDS.join(', ')}.`, `unknown kind ${kind}`);
  }
  return kind as SignatureKind;
}

// --crl FILE (repeatable): revocation lists of the signer's CA, embedded for a B-LT signature.
function crlFiles(p: Parsed): Uint8Array[] {
  const v = (p.values as Record<string, unknown>).crl;
  const paths = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  return paths.map((path) => {
    try {
      return readFileSync(path);
    } catch (e) {
      throw bad(`Không đọc được danh sách thu hồi ${path}.`, `cannot read CRL ${path}: ${(e as Error).message}`);
    }
  });
}

function readImage(path: string | undefined): Uint8Array | null {
  if (path === undefined) return null;
  try {
    return readFileSync(path);
  } catch (e) {
    throw bad(`Không đọc được tệp ảnh ${path}.`, `cannot read image ${path}: ${(e as Error).message}`);
  }
}

// `vanthu sign --module PATH --token LABEL --cert ID --pin-stdin --kind K IN.pdf --out OUT.pdf`.
// The PIN comes from standard input or a prompt, never from the command line.
export async function sign(args: string[]): Promise<CommandResult> {
  const p = parse(
    args,
    {
      module: { type: 'string', multiple: true },
      token: { type: 'string' },
      cert: { type: 'string' },
      'pin-stdin': { type: 'boolean' },
      kind: { type: 'string' },
      out: { type: 'string' },
      image: { type: 'string' },
      page: { type: 'string' },
      rect: { type: 'string' },
      anchor: { type: 'string' },
      number: { type: 'string' },
      agency: { type: 'string' },
      tsa: { type: 'string' },
      'seal-mm': { type: 'string' },
      crl: { type: 'string', multiple: true },
    },
    true,
  );
  const [input, ...extra] = p.positionals;
  if (!input || extra.length > 0) throw bad('Cần đúng một tệp PDF cần ký.', `expected one input file, got ${p.positionals.length}`);
  const kind = kindOf(p);
  const modulePath = modulePaths(p)[0];
  if (!modulePath) throw bad('Thiếu tham số --module (đường dẫn thư viện PKCS#11 của thiết bị ký số).', 'missing --module');
  const tokenLabel = required(p, 'token');
  const certificateId = required(p, 'cert');
  const output = resolve(required(p, 'out'));
  const image = readImage(optional(p, 'image'));
  const sealMm = optional(p, 'seal-mm');
  if (sealMm !== undefined && !(Number(sealMm) >= 10 && Number(sealMm) <= 80)) throw bad('--seal-mm phải từ 10 đến 80 (mm).', `bad --seal-mm ${sealMm}`);
  const placement = placementOf(p);
  const pin = p.values['pin-stdin'] === true ? await readPinFromStdin() : await promptPin(`Mã PIN của thiết bị "${tokenLabel}": `);
  return withTokenClient(async (client) => {
    const tokens = await client.listTokens(modulePath);
    const token = tokens.find((t) => t.label === tokenLabel) ?? tokens.find((t) => t.serialNumber === tokenLabel);
    if (!token) {
      throw new AppError('TOKEN_UNAVAILABLE', `Không thấy thiết bị ký số "${tokenLabel}". Thiết bị đang cắm: ${tokens.map((t) => `"${t.label}"`).join(', ') || 'không có'}.`, `token ${tokenLabel} not found in ${modulePath}`);
    }
    const [session] = await Promise.all([client.openSession({ modulePath, tokenSerial: token.serialNumber, pin: token.pinStatus.pinPad ? null : pin }), prepareSigning()]);
    try {
      const result = await signFile({
        input: resolve(input),
        output,
        kind,
        signer: session.signer(certificateId),
        signingTime: new Date(),
        image,
        numberNotation: optional(p, 'number') ?? null,
        copyingAgency: optional(p, 'agency') ?? null,
        placement,
        anchor: optional(p, 'anchor') ?? null,
        ...(sealMm !== undefined ? { sealMm: Number(sealMm) } : {}),
        tsaUrl: optional(p, 'tsa') ?? null,
        crls: crlFiles(p),
      });
      const level =
        result.level === 'B-B'
          ? 'không có dấu thời gian (PAdES B-B)'
          : `có dấu thời gian (${result.timestampTime})${result.level === 'B-LT' ? ', kèm dữ liệu kiểm tra thu hồi (PAdES B-LT)' : ''}`;
      const why = result.timestampProblem ? ` ${result.timestampProblem}` : '';
      return {
        json: result,
        text: `Đã ký (${kind}) vào ${result.output}: trang ${result.placement.page + 1}, ${level}.${why}`,
      };
    } finally {
      await session.close();
    }
  });
}
