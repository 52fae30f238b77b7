import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';

// The systems file lists every system connected to the hub: its credentials and the agencies it
// speaks for. `[{"systemId":"…","secret":"…","agencies":[{"code":"…","name":"…"}]}]`.
export const ORGAN_ID = /^[A-Z0-9]+(\.[A-Z0-9]+)*$/;

const agencySchema = z.object({
  code: z.string().max(35).regex(ORGAN_ID, 'mã định danh chỉ gồm A-Z, 0-9 và dấu chấm (ví dụ 000.00.00.H41)'),
  name: z.string().min(1),
  mail: z.string().optional(),
});

const systemSchema = z.object({
  systemId: z.string().min(1),
  secret: z.string().min(1),
  agencies: z.array(agencySchema).min(1),
});

const systemsSchema = z.array(systemSchema).min(1).superRefine((systems, ctx) => {
  const ids = new Set<string>();
  const codes = new Set<string>();
  systems.forEach((s, i) => {
    if (ids.has(s.systemId)) ctx.addIssue({ code: 'custom', path: [i, 'systemId'], message: `systemId ${s.systemId} trùng` });
    ids.add(s.systemId);
    s.agencies.forEach((a, j) => {
      if (codes.has(a.code)) ctx.addIssue({ code: 'custom', path: [i, 'agencies', j, 'code'], message: `mã ${a.code} trùng` });
      codes.add(a.code);
    });
  });
});

export type HubAgencyConfig = z.infer<typeof agencySchema>;
export type HubSystemConfig = z.infer<typeof systemSchema>;

export function parseSystems(value: unknown, source: string): HubSystemConfig[] {
  const parsed = systemsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const list = issues.map((i) => `${i.path || '(gốc)'}: ${i.message}`).join('; ');
  throw new AppError(
    'INVALID_INPUT',
    `Tệp danh sách hệ thống của trục (${source}) không hợp lệ: ${list}`,
    `invalid hub systems file ${source}: ${list}`,
    issues,
  );
}

export function loadSystemsFile(path: string): HubSystemConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new AppError('INVALID_INPUT', `Không đọc được tệp danh sách hệ thống ${path}.`, `${code} reading hub systems file ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError('INVALID_INPUT', `Tệp ${path} không phải JSON hợp lệ.`, `hub systems file ${path} is not JSON: ${(e as Error).message}`);
  }
  return parseSystems(json, path);
}
