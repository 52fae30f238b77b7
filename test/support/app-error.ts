import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../src/shared/errors.ts';

// Runs fn and checks it failed with our error: the code, and (optionally) the clerk's message.
export function expectAppError(fn: () => unknown, code: ErrorCode, messageVi?: RegExp): AppError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected an AppError to be thrown').toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(error.code).toBe(code);
  if (messageVi) expect(error.messageVi).toMatch(messageVi);
  return error;
}

export async function expectAppErrorAsync(fn: () => Promise<unknown>, code: ErrorCode, messageVi?: RegExp): Promise<AppError> {
  let caught: unknown;
  try {
    await fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected an AppError to be thrown').toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(error.code).toBe(code);
  if (messageVi) expect(error.messageVi).toMatch(messageVi);
  return error;
}
