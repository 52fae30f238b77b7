import { useId, useState } from 'react';
import type { SigningSettings } from '../../../shared/api/schemas/signing.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { fileToBase64 } from '../../util/files.ts';
import { issueLine } from './signing-words.ts';

type ImageField = 'signatureImageBase64' | 'sealImageBase64';

const IMAGES: ReadonlyArray<{ field: ImageField; has: 'hasSignatureImage' | 'hasSealImage'; name: string; hint: string }> = [
  { field: 'signatureImageBase64', has: 'hasSignatureImage', name: 'Ảnh chữ ký', hint: 'PNG nền trong suốt, chữ ký mực xanh; dùng cho chữ ký duyệt.' },
  { field: 'sealImageBase64', has: 'hasSealImage', name: 'Ảnh con dấu', hint: 'PNG nền trong suốt, dấu màu đỏ; đặt đúng kích thước thật khi ký phát hành.' },
];


// The two images of Decree 30's appearances. A chosen PNG is saved at once (the server checks it
// is one); "Xóa ảnh" removes it. The page cannot show the image itself: the CSP allows no data:
// or blob: images, and the server keeps the file outside the renderer. "Đã có ảnh" follows the
// settings, which the save reads again.
export function SignatureImages({ settings }: { readonly settings: SigningSettings }) {
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [box, setBox] = useState(0);
  const { busy, run } = useInFlight();
  const baseId = useId();

  const save = (field: ImageField, name: string, file: File | null) =>
    run(async () => {
      setMessage(null);
      try {
        const data = file ? await fileToBase64(file) : null;
        await write('signing.saveSettings', { [field]: data });
        setMessage({ tone: 'success', text: file ? `Đã lưu ${name.toLowerCase()} "${file.name}".` : `Đã xóa ${name.toLowerCase()}.` });
      } catch (e) {
        const issues = isApiError(e) ? e.issues : [];
        setMessage({ tone: 'error', text: `${name}: ${issues.length ? issues.map(issueLine).join(' ') : errorMessage(e)}` });
      } finally {
        setBox((n) => n + 1);
      }
    });

  return (
    <fieldset className="signature-images">
      <legend>Ảnh chữ ký và con dấu</legend>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {IMAGES.map((img) => (
        <div key={img.field} className="signature-images__row">
          <label htmlFor={`${baseId}-${img.field}`}>{img.name}</label>
          <span className={`badge ${settings[img.has] ? 'badge--done' : 'badge--pending'}`}>{settings[img.has] ? 'Đã có ảnh' : 'Chưa có ảnh'}</span>
          <input
            key={box}
            id={`${baseId}-${img.field}`}
            type="file"
            accept="image/png"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void save(img.field, img.name, file);
            }}
          />
          {settings[img.has] ? (
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => void save(img.field, img.name, null)}>
              Xóa {img.name.toLowerCase()}
            </button>
          ) : null}
          <span className="field__hint">{img.hint}</span>
        </div>
      ))}
    </fieldset>
  );
}
