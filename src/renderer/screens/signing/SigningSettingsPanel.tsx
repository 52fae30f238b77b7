import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { Notice } from '../../components/Notice.tsx';
import { RevocationPanel } from './RevocationPanel.tsx';
import { SignatureImages } from './SignatureImages.tsx';
import { SigningSettingsForm } from './SigningSettingsForm.tsx';
import { TokenModulesView } from './TokenModulesView.tsx';
import { TrustListPanel } from './TrustListPanel.tsx';

// Cài đặt → Ký số: where the token libraries are, the timestamp server, the folders of trusted
// root certificates, the seal's size, the two images; then what the app finds with them.
export function SigningSettingsPanel() {
  const settings = useQuery(apiQuery('signing.settings', {}));
  return (
    <section className="panel" aria-labelledby="signing-title">
      <h2 id="signing-title">Ký số</h2>
      {settings.error ? <Notice tone="error">{`Chưa đọc được cài đặt ký số: ${errorMessage(settings.error)}`}</Notice> : null}
      {settings.data ? (
        <>
          <SigningSettingsForm saved={settings.data} />
          <SignatureImages settings={settings.data} />
        </>
      ) : null}
      <TrustListPanel />
      <RevocationPanel />
      <TokenModulesView />
    </section>
  );
}
