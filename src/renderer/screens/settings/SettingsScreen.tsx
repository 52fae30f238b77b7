import { useState } from 'react';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { SigningSettingsPanel } from '../signing/SigningSettingsPanel.tsx';
import { AgencyForm } from './AgencyForm.tsx';
import { HubSettingsPanel } from './HubSettingsPanel.tsx';
import { IssuanceSettingsPanel } from './IssuanceSettingsPanel.tsx';
import { SeriesPanel } from './SeriesPanel.tsx';

export function SettingsScreen() {
  const { profile, info } = useApp();
  const [saved, setSaved] = useState(false);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Cài đặt
        </h1>
      </header>
      <section className="panel" aria-labelledby="agency-title">
        <h2 id="agency-title">Thông tin cơ quan</h2>
        {saved ? <Notice tone="success">Đã lưu thông tin cơ quan.</Notice> : null}
        <AgencyForm
          profile={profile}
          submitLabel="Lưu thông tin cơ quan"
          onSaved={() => setSaved(true)}
        />
      </section>
      <SeriesPanel />
      <SigningSettingsPanel />
      <IssuanceSettingsPanel />
      <HubSettingsPanel />
      <p className="muted">
        Phiên bản {info.version} · Thư mục dữ liệu: {info.profileDir}
      </p>
    </section>
  );
}
