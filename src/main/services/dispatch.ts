import { contract, type OperationName } from '../../shared/api/contract.ts';
import type { Envelope } from '../../shared/api/envelope.ts';
import { toValidationError } from '../../shared/api/validation.ts';
import { AppError } from '../../shared/errors.ts';
import { mapSqliteError } from '../db/sqlite-errors.ts';
import type { Logger } from '../log/logger.ts';
import type { Handlers } from './handler-types.ts';

export type Dispatch = (name: OperationName, rawInput: unknown) => Promise<Envelope<unknown>>;

// The single path from an untrusted caller (IPC from the renderer, or the loopback bridge) to a
// service: the input is validated against the contract before the handler sees it, the output
// is validated before it leaves, and every failure becomes an envelope with a Vietnamese message.
export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  return async (name, rawInput) => {
    const started = performance.now();
    const operation = contract[name];
    try {
      const parsed = operation.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw toValidationError(parsed.error, `input of ${name}`);
      const handler = handlers[name] as (input: unknown) => unknown;
      const result = await handler(parsed.data);
      const value = operation.output.parse(result);
      logger.log('info', 'op', { op: name, ms: Math.round(performance.now() - started) });
      return { ok: true, value };
    } catch (raw) {
      const e = mapSqliteError(raw, 'vanthu.db');
      const error = e instanceof AppError ? e : null;
      logger.log(error ? 'warn' : 'error', 'op.failed', {
        op: name,
        code: error?.code ?? 'INTERNAL',
        detail: e instanceof Error ? e.message : String(e),
        stack: error ? undefined : (e as Error | undefined)?.stack,
      });
      if (error) return { ok: false, error: { code: error.code, message: error.messageVi, data: error.data } };
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn. Chi tiết đã được ghi vào nhật ký của chương trình.' },
      };
    }
  };
}
