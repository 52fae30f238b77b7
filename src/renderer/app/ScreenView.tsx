import type { Direction } from '../../shared/api/schemas/series.ts';
import { AuditScreen } from '../screens/audit/AuditScreen.tsx';
import { BackupScreen } from '../screens/backup/BackupScreen.tsx';
import { BooksScreen } from '../screens/books/BooksScreen.tsx';
import { CaseFileScreen } from '../screens/casefiles/CaseFileScreen.tsx';
import { CaseFilesScreen } from '../screens/casefiles/CaseFilesScreen.tsx';
import { HandoverScreen } from '../screens/casefiles/HandoverScreen.tsx';
import { DocumentScreen } from '../screens/document/DocumentScreen.tsx';
import { DraftingScreen } from '../screens/drafting/DraftingScreen.tsx';
import { IncomingForm } from '../screens/incoming/IncomingForm.tsx';
import { IssuanceScreen } from '../screens/issuance/IssuanceScreen.tsx';
import { OutgoingForm } from '../screens/outgoing/OutgoingForm.tsx';
import { ProcessingScreen } from '../screens/processing/ProcessingScreen.tsx';
import type { ListFilters } from '../screens/register/list-filters.ts';
import { RegisterList } from '../screens/register/RegisterList.tsx';
import { SecretIncomingScreen } from '../screens/secret/SecretIncomingScreen.tsx';
import { SettingsScreen } from '../screens/settings/SettingsScreen.tsx';
import { StatisticsScreen } from '../screens/statistics/StatisticsScreen.tsx';
import { SyncScreen } from '../screens/sync/SyncScreen.tsx';
import { TodayScreen } from '../screens/today/TodayScreen.tsx';
import type { Route } from './routes.ts';

interface ScreenViewProps {
  readonly route: Route;
  // Counts navigations: the registration forms are keyed by it, so opening one again (Ctrl+N on
  // the incoming form) starts a new, empty form.
  readonly visit: number;
  readonly listFilters: Readonly<Record<Direction, ListFilters>>;
  readonly onListFiltersChange: (direction: Direction, next: ListFilters) => void;
}

export function ScreenView({ route, visit, listFilters, onListFiltersChange }: ScreenViewProps) {
  switch (route.name) {
    case 'today':
      return <TodayScreen />;
    case 'list':
      return (
        <RegisterList
          key={route.direction}
          direction={route.direction}
          filters={listFilters[route.direction]}
          onFiltersChange={(next) => onListFiltersChange(route.direction, next)}
        />
      );
    case 'incoming-new':
      return <IncomingForm key={visit} />;
    case 'outgoing-new':
      return <OutgoingForm key={visit} />;
    case 'document':
      return <DocumentScreen key={route.id} id={route.id} />;
    case 'drafting':
      return <DraftingScreen key={visit} correction={route.correction} />;
    case 'issuance':
      return <IssuanceScreen key={`${route.id ?? 'list'}-${visit}`} id={route.id} />;
    case 'sync':
      return <SyncScreen key={route.inboxId ?? 'overview'} inboxId={route.inboxId} />;
    case 'processing':
      return <ProcessingScreen />;
    case 'case-files':
      return <CaseFilesScreen key={`${route.year ?? 'this'}-${visit}`} year={route.year} />;
    case 'case-file':
      return <CaseFileScreen key={route.id} id={route.id} />;
    case 'handover':
      return <HandoverScreen key={route.id} id={route.id} />;
    case 'statistics':
      return <StatisticsScreen />;
    case 'secret-incoming':
      return <SecretIncomingScreen />;
    case 'books':
      return <BooksScreen />;
    case 'backup':
      return <BackupScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
