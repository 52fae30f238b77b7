import { AppError } from '../../shared/errors.ts';

// Every problem with a PDF's structure becomes one clear refusal for the clerk; the English
// detail says what was wrong for the log.
export function brokenPdf(detail: string): AppError {
  return new AppError(
    'PDF_UNSUPPORTED',
    'Tệp PDF bị hỏng hoặc có cấu trúc không đọc được an toàn, nên chương trình không ký hay kiểm tra được. Hãy xuất lại tệp PDF từ phần mềm soạn thảo rồi thử lại.',
    `PDF structure: ${detail}`,
  );
}

export function encryptedPdf(): AppError {
  return new AppError(
    'PDF_UNSUPPORTED',
    'Tệp PDF đã được mã hóa hoặc đặt mật khẩu, nên chương trình không ký được. Hãy dùng bản PDF không đặt mật khẩu.',
    'PDF is encrypted (/Encrypt in the trailer)',
  );
}

export function notAPdf(detail: string): AppError {
  return new AppError(
    'PDF_UNSUPPORTED',
    'Tệp này không phải tệp PDF hoặc đã bị cắt cụt (thiếu phần cuối). Hãy kiểm tra lại tệp.',
    `not a PDF: ${detail}`,
  );
}
