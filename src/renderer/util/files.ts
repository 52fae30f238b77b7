// A chosen file that can no longer be read: moved, deleted or locked by another program since the
// clerk picked it. Its message is for the clerk (errorMessage shows it as it is).
export class FileReadError extends Error {
  constructor(fileName: string) {
    super(`Không đọc được tệp "${fileName}": tệp có thể đã bị xóa, bị chuyển đi hoặc đang mở trong chương trình khác. Hãy chọn lại tệp.`);
    this.name = 'FileReadError';
  }
}

export interface Upload {
  readonly name: string;
  readonly dataBase64: string;
}

// Files cross the API as base64 inside JSON (the contract's attachmentUpload).
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new FileReadError(file.name));
    reader.readAsDataURL(file);
  });
}

export async function filesToUploads(files: readonly File[]): Promise<Upload[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f) })));
}

export function base64ToBlob(base64: string, type = 'application/octet-stream'): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

// Hands a Blob to the browser's download through a short-lived blob: URL (a download, not a
// resource of the page, so the CSP's img-src and worker-src need no blob:).
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
