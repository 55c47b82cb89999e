// Entry point of the page: mounts the app over window.api (exposed by the preload).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { windowApi } from './api.ts';
import { recallOpenMeeting } from './screens/editor/open-meeting.ts';
import { stayInApp } from './lib/stay-in-app.ts';
import './styles/index.css';

stayInApp(window);
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const api = windowApi();
const reopened = recallOpenMeeting(window.history, window.performance);
createRoot(root).render(
  <StrictMode>
    {api ? (
      <App api={api} initialRoute={reopened ? { screen: 'meeting', ...reopened, recalled: true } : undefined} />
    ) : (
      <main className="screen">
        <h1>Biên Bản</h1>
        <p role="alert">Không kết nối được với phần lưu trữ của ứng dụng. Hãy mở Biên Bản từ ứng dụng trên máy tính.</p>
      </main>
    )}
  </StrictMode>,
);
