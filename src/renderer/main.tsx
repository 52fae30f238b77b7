import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/query-client.ts';
import { App } from './app/App.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/register.css';
import './styles/document.css';
import './styles/signing.css';
import './styles/drafting.css';
import './styles/sync.css';
import './styles/today.css';
import './styles/casefiles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
