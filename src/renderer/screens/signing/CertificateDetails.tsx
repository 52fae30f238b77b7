import { useState } from 'react';
import { showDateTime } from '../../util/dates.ts';
import type { Certificate } from './token-choice.ts';

// What the clerk checks before signing: whose certificate, who issued it, until when.
// Expiry is judged against the time the details were first shown, so a render does not change
// the answer; a sign dialog is open for minutes, a certificate is valid for years.
export function CertificateDetails({ certificate }: { readonly certificate: Certificate }) {
  const [shownAt] = useState(Date.now);
  const expired = new Date(certificate.notAfter).getTime() < shownAt;
  return (
    <dl className="cert">
      <dt>Chủ thể</dt>
      <dd>{certificate.subject}</dd>
      <dt>Nơi cấp</dt>
      <dd>{certificate.issuer}</dd>
      <dt>Hiệu lực</dt>
      <dd>
        từ {showDateTime(certificate.notBefore)} đến {showDateTime(certificate.notAfter)}
        {expired ? <span className="badge badge--overdue">Đã hết hạn</span> : null}
      </dd>
      <dt>Khóa</dt>
      <dd>
        {certificate.keyAlgorithm} {certificate.keySize > 0 ? `${certificate.keySize} bit` : ''}
        {certificate.keyUsage.length ? ` · ${certificate.keyUsage.join(', ')}` : ''}
      </dd>
    </dl>
  );
}
