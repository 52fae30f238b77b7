import { GRADE_NAMES, moduleOwnerVi, moduleSourceVi } from '../../../shared/domain/token-module-origin.ts';
import { startTokenClient, type TokenClient } from '../../signing/pkcs11/token-client.ts';
import type { ModuleReport, TokenInfo } from '../../signing/pkcs11/token-types.ts';
import { parse, type Parsed } from '../args.ts';
import type { CommandResult } from '../context.ts';

// Module paths given with --module (repeatable): the ones the clerk's CA installed elsewhere.
export function modulePaths(p: Parsed): string[] {
  const v = (p.values as Record<string, unknown>).module;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

// Runs fn with a token worker and always stops the worker, so the CLI process can exit.
export async function withTokenClient<T>(fn: (client: TokenClient) => Promise<T>): Promise<T> {
  const client = startTokenClient();
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

// "✔ PATH — VNPT-CA — LIBRARY" (or "✘ … — REASON"), and on the next line where it was found:
// the CA comes first because the clerk knows their token by it, not by the DLL's name.
function moduleLines(m: ModuleReport): string[] {
  const head = m.status === 'loaded' ? `✔ ${m.path} — ${moduleOwnerVi(m.owner)} — ${m.library?.description ?? ''} ${m.library?.manufacturer ?? ''}`.trimEnd() : `✘ ${m.path} — ${moduleOwnerVi(m.owner)} — ${m.reasonVi ?? m.status}`;
  const grade = m.owner ? `; ${GRADE_NAMES[m.owner.grade]}` : '';
  return [head, `  (tìm thấy qua ${moduleSourceVi(m.source, m.provider)}${grade})`];
}

function tokenLines(t: TokenInfo): string[] {
  if (t.pinStatus.state === 'not-initialized') return [`  Khe ${t.slotId}: ${t.pinStatus.messageVi}`];
  const lines = [`  Thiết bị "${t.label}" (số sê-ri ${t.serialNumber}, ${t.manufacturer} ${t.model}): ${t.pinStatus.messageVi}`];
  if (t.certificates.length === 0) lines.push('    (không có chứng thư nào kèm khóa bí mật)');
  for (const c of t.certificates) {
    lines.push(`    --cert ${c.id}  ${c.subject}  [${c.keyAlgorithm} ${c.keySize}, hiệu lực ${c.notBefore.slice(0, 10)} → ${c.notAfter.slice(0, 10)}, cấp bởi ${c.issuer}]`);
  }
  return lines;
}

// `vanthu token list [--module PATH]…`: every module found (and why the others failed), the
// tokens in each loaded one, and their certificates that have a private key.
export async function tokenList(args: string[]): Promise<CommandResult> {
  const p = parse(args, { module: { type: 'string', multiple: true } });
  return withTokenClient(async (client) => {
    const modules = await client.listModules(modulePaths(p));
    const result: Array<ModuleReport & { tokens: TokenInfo[] }> = [];
    for (const m of modules) result.push({ ...m, tokens: m.status === 'loaded' ? await client.listTokens(m.path) : [] });
    const text = result.length === 0 ? 'Không tìm thấy thư viện PKCS#11 nào. Hãy cài phần mềm của thiết bị ký số hoặc chỉ đường dẫn bằng --module.' : result.flatMap((m) => [...moduleLines(m), ...m.tokens.flatMap(tokenLines)]).join('\n');
    return { json: result, text };
  });
}
