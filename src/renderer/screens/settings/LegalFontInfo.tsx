import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';

// One read-only line: the font drafts, the number and date lines and the printed registers are set
// in. Decree 30 asks for Times New Roman; where Windows does not provide a usable one, the clerk
// reads that the stand-in is used and why (docs/drafting.md "Font"). It changes only when the
// program starts again, so it is read once.
export function LegalFontInfo() {
  const font = useQuery(apiQuery('fonts.legal', {}));
  if (font.error) return <p className="muted">{`Chưa đọc được phông chữ văn bản: ${errorMessage(font.error)}`}</p>;
  if (!font.data) return null;
  const { labelVi, fallbackVi } = font.data;
  return (
    <p className="muted" data-testid="legal-font">
      Phông chữ văn bản: {labelVi}
      {fallbackVi ? ` — ${fallbackVi}` : null}
    </p>
  );
}
