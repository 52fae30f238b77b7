import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract.ts';
import { DESKTOP_API_GLOBAL, type DesktopApi } from '../../shared/api/desktop-api.ts';
import type { Envelope } from '../../shared/api/envelope.ts';
import { ApiError } from './api-error.ts';
import { TOKEN_HEADER, takeBridgeToken } from './bridge-token.ts';

function desktopApi(): DesktopApi | undefined {
  return (window as unknown as Record<string, DesktopApi | undefined>)[DESKTOP_API_GLOBAL];
}

// True when running in a browser against the loopback bridge rather than inside Electron.
export function isBridgeMode(): boolean {
  return desktopApi() === undefined;
}

const bridgeToken = isBridgeMode() ? takeBridgeToken() : null;

async function viaBridge<K extends OperationName>(name: K, input: InputOf<K>): Promise<Envelope<OutputOf<K>>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: bridgeToken ?? '' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError('INTERNAL', 'Không kết nối được với máy chủ cầu nối. Hãy kiểm tra "npm run ui" còn chạy.');
  }
  if (response.status === 403) {
    throw new ApiError('FORBIDDEN', 'Phiên làm việc không hợp lệ. Hãy mở lại địa chỉ mà "npm run ui" đã in ra.');
  }
  if (!response.ok) throw new ApiError('INTERNAL', `Máy chủ cầu nối trả lỗi ${response.status}.`);
  return (await response.json()) as Envelope<OutputOf<K>>;
}

// The renderer's one way to the privileged side: the preload's function in Electron, the
// loopback bridge in a browser. Either way the answer is an envelope; a failure becomes an
// ApiError with the server's Vietnamese message. Validation and rules live on the server.
export async function call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const api = desktopApi();
  const envelope = api ? await api[name](input) : await viaBridge(name, input);
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.data);
}

// An exported file as a Blob, for the download link in browser mode.
export async function downloadExport(fileName: string): Promise<Blob> {
  const response = await fetch(`/exports/${encodeURIComponent(fileName)}`, { headers: { [TOKEN_HEADER]: bridgeToken ?? '' } });
  if (!response.ok) throw new ApiError('NOT_FOUND', 'Không tải được tệp đã xuất.');
  return response.blob();
}
