import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App';
import { createClient } from './lib/client';
import { ViewerProvider } from './lib/viewer';
import './styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <Provider value={createClient()}>
      <ViewerProvider>
        <App />
      </ViewerProvider>
    </Provider>
  </StrictMode>,
);
