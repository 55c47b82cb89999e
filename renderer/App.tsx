// The application: which screen is shown, the global shortcuts and menu commands, autosave on close.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QUICK_EXPORT } from '../shared/documents.ts';
import { createClient, errorMessage, type Api, type AppCommand, type Client } from './api.ts';
import { BackupBanner } from './components/BackupBanner.tsx';
import { SaveIndicator } from './components/SaveIndicator.tsx';
import { ToastHost } from './components/Toasts.tsx';
import { ClientContext, TrackerContext, useToast, useTracker } from './context.tsx';
import { createSaveTracker } from './hooks/save-tracker.ts';
import { isComposing } from './lib/format.ts';
import { MeetingEditor, type SectionId } from './screens/editor/MeetingEditor.tsx';
import { rememberOpenMeeting } from './screens/editor/open-meeting.ts';
import { exportedToast } from './screens/editor/PreviewSection.tsx';
import { useFilePassphrase } from './screens/MeetingFileDialogs.tsx';
import { MeetingsScreen } from './screens/MeetingsScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { UnlockScreen } from './screens/UnlockScreen.tsx';
import type { SecurityStatus } from '../shared/security.ts';

export type Route =
  /** newMeeting: a request to open the new-meeting dialog (a fresh number each time), copySource the meeting it came from. */
  | { screen: 'meetings'; newMeeting?: number; copySource?: number }
  /**
   * recalled: opened again after a reload; if the meeting is gone meanwhile, the meetings list is shown quietly.
   * draft: the speech that was being taken down in Diễn biến before the reload.
   */
  | { screen: 'meeting'; id: number; section: SectionId; recalled?: boolean; draft?: number }
  | { screen: 'settings' };

const SHORTCUTS: Record<string, AppCommand> = {
  n: 'new-meeting',
  o: 'import-meeting',
  e: 'export-minutes',
  p: 'print-document',
  l: 'show-meetings',
  ',': 'show-settings',
};

export function App({ api, initialRoute }: { api: Api; initialRoute?: Route }) {
  const client = useMemo(() => createClient(api), [api]);
  const tracker = useMemo(() => createSaveTracker(), []);
  return (
    <ClientContext.Provider value={client}>
      <TrackerContext.Provider value={tracker}>
        <ToastHost>
          <Unlocked client={client}>
            <Shell client={client} initialRoute={initialRoute ?? { screen: 'meetings' }} />
          </Unlocked>
        </ToastHost>
      </TrackerContext.Provider>
    </ClientContext.Provider>
  );
}

/** The app once the store is open: an encrypted store this machine does not keep the key of asks first. */
function Unlocked({ client, children }: { client: Client; children: ReactNode }) {
  const [status, setStatus] = useState<SecurityStatus | 'unknown' | null>(null);
  useEffect(() => {
    // Without an answer (an older main process), the store's own channels say what is wrong.
    client.securityStatus({}).then(setStatus, () => setStatus('unknown'));
  }, [client]);
  if (status === null) return null;
  if (status !== 'unknown' && status.locked) return <UnlockScreen status={status} onUnlocked={setStatus} />;
  return children;
}

function Shell({ client, initialRoute }: { client: Client; initialRoute: Route }) {
  const tracker = useTracker();
  const filePassphrase = useFilePassphrase<{ meetingId: number }>();
  const toast = useToast();
  const [route, setRoute] = useState<Route>(initialRoute);
  const routeRef = useRef(route);
  const newRequests = useRef(0);
  useEffect(() => {
    routeRef.current = route;
  });
  // A reload opens the same meeting and section again (main.tsx reads it back).
  useEffect(() => {
    rememberOpenMeeting(window.history, route.screen === 'meeting' ? { id: route.id, section: route.section } : null);
  }, [route]);

  const go = useCallback(
    (next: Route) => {
      tracker.flushAll();
      setRoute(next);
    },
    [tracker],
  );

  const run = useCallback(
    async (command: AppCommand) => {
      const current = routeRef.current;
      switch (command) {
        case 'new-meeting':
          go({ screen: 'meetings', newMeeting: ++newRequests.current, ...(current.screen === 'meeting' ? { copySource: current.id } : {}) });
          return;
        case 'show-meetings':
          go({ screen: 'meetings' });
          return;
        case 'show-settings':
          go({ screen: 'settings' });
          return;
        case 'import-meeting':
          try {
            await tracker.settle();
            const imported = await filePassphrase.ask(await client.importMeetingFile({}), (token, passphrase) =>
              client.importMeetingFile({ token, passphrase }),
            );
            if (imported) {
              toast({ text: 'Đã nhập tệp hội nghị.' });
              go({ screen: 'meeting', id: imported.meetingId, section: 'general' });
            }
          } catch (error) {
            toast({ text: errorMessage(error), tone: 'error' });
          }
          return;
        case 'export-minutes':
          if (current.screen !== 'meeting') {
            toast({ text: 'Hãy mở một hội nghị trước khi xuất biên bản.', tone: 'error' });
            return;
          }
          try {
            await tracker.settle();
            const file = await client.exportDocument({ meetingId: current.id, ...QUICK_EXPORT });
            if (file) toast(exportedToast(QUICK_EXPORT.kind, file));
          } catch (error) {
            toast({ text: errorMessage(error), tone: 'error' });
          }
          return;
        case 'print-document':
          if (current.screen !== 'meeting') {
            toast({ text: 'Hãy mở một hội nghị trước khi in.', tone: 'error' });
            return;
          }
          try {
            await tracker.settle();
            await client.printDocument({ meetingId: current.id, kind: QUICK_EXPORT.kind });
          } catch (error) {
            toast({ text: errorMessage(error), tone: 'error' });
          }
          return;
      }
    },
    [client, go, toast, tracker, filePassphrase],
  );

  // Menu commands, and the same shortcuts from the keyboard (the menu only displays them).
  useEffect(() => client.onCommand((command) => void run(command)), [client, run]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isComposing(event) || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
      const command = SHORTCUTS[event.key.toLowerCase()];
      if (!command) return;
      event.preventDefault();
      void run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);

  // Nothing typed is lost when the window closes: whatever is still waiting is sent now.
  useEffect(() => {
    const flush = () => tracker.flushAll();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [tracker]);

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Biên Bản</span>
        <nav aria-label="Chính" className="topnav">
          <button type="button" aria-current={route.screen === 'meetings' ? 'page' : undefined} onClick={() => go({ screen: 'meetings' })}>
            Danh sách hội nghị <kbd>Ctrl+L</kbd>
          </button>
          <button type="button" aria-current={route.screen === 'settings' ? 'page' : undefined} onClick={() => go({ screen: 'settings' })}>
            Cài đặt <kbd>Ctrl+,</kbd>
          </button>
        </nav>
        <SaveIndicator />
      </header>
      <BackupBanner moment={route.screen} />
      {filePassphrase.dialog}
      {route.screen === 'meetings' ? (
        <MeetingsScreen
          newRequest={route.newMeeting ?? 0}
          copySource={route.copySource}
          onOpen={(id) => go({ screen: 'meeting', id, section: 'general' })}
          onImport={() => void run('import-meeting')}
        />
      ) : route.screen === 'settings' ? (
        <SettingsScreen />
      ) : (
        <MeetingEditor
          key={route.id}
          meetingId={route.id}
          section={route.section}
          recalled={route.recalled ?? false}
          draft={route.draft ?? null}
          onSection={(section) => setRoute({ screen: 'meeting', id: route.id, section })}
          onClose={() => go({ screen: 'meetings' })}
        />
      )}
    </div>
  );
}
