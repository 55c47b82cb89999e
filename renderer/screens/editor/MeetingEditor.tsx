// One meeting, in six sections, reachable from the side list or with Alt+1 … Alt+6; the keys of the whole
// meeting and their help in EditorKeys.
import { useEffect, useReducer, useRef, useState } from 'react';
import { useTracker } from '../../context.tsx';
import { isComposing, untitled } from '../../lib/format.ts';
import { AgendaSection } from './AgendaSection.tsx';
import { ConclusionsSection } from './ConclusionsSection.tsx';
import { GeneralSection } from './GeneralSection.tsx';
import { EditorProvider, useMeetingRecord } from './meeting-state.tsx';
import { rememberSpeechDraft } from './open-meeting.ts';
import { PreviewSection } from './PreviewSection.tsx';
import { RecordingBar } from './audio/RecordingBar.tsx';
import { ProceedingsSection } from './ProceedingsSection.tsx';
import { EditorKeys } from './ShortcutHelp.tsx';
import { SitesSection } from './SitesSection.tsx';

export const SECTIONS = [
  { id: 'general', title: 'Thông tin chung' },
  { id: 'sites', title: 'Điểm cầu và thành phần' },
  { id: 'agenda', title: 'Chương trình' },
  { id: 'proceedings', title: 'Diễn biến' },
  { id: 'conclusions', title: 'Kết luận' },
  { id: 'preview', title: 'Xem trước và xuất' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export function MeetingEditor({
  meetingId,
  section,
  recalled = false,
  draft = null,
  onSection,
  onClose,
}: {
  meetingId: number;
  section: SectionId;
  /** Opened again after a reload: a meeting deleted meanwhile goes back to the list without a word. */
  recalled?: boolean;
  /** The speech that was being taken down before the reload (Diễn biến opens on it again). */
  draft?: number | null;
  onSection(section: SectionId): void;
  onClose(): void;
}) {
  const tracker = useTracker();
  const { ops, error, missing } = useMeetingRecord(meetingId);
  const gone = recalled && missing;
  useEffect(() => {
    if (gone) onClose();
  }, [gone, onClose]);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // What was open in Điểm cầu and Diễn biến stays open across a look at another section.
  const [siteId, setSiteId] = useState<number | null>(null);
  const [speechDraft, setSpeechDraft] = useState<number | null>(draft);
  // Kept in the page's history entry too, for a reload (open-meeting.ts).
  useEffect(() => rememberSpeechDraft(window.history, meetingId, speechDraft), [meetingId, speechDraft]);
  // A recording started or stopped: Diễn biến asks again which speeches have something to play.
  const [recordings, recorded] = useReducer((n: number) => n + 1, 0);

  const show = (next: SectionId) => {
    tracker.flushAll();
    moved.current = true;
    onSection(next);
  };
  const showRef = useRef(show);
  useEffect(() => {
    showRef.current = show;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isComposing(event) || !event.altKey || event.ctrlKey || event.metaKey) return;
      const digit = /^Digit([1-6])$/.exec(event.code)?.[1] ?? (/^[1-6]$/.test(event.key) ? event.key : undefined);
      const target = digit ? SECTIONS[Number(digit) - 1] : undefined;
      if (!target) return;
      event.preventDefault();
      showRef.current(target.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // After a change of section from the keyboard or the side list, focus goes to its heading, except
  // in Diễn biến, where it goes straight to the speaker field.
  useEffect(() => {
    if (moved.current && section !== 'proceedings') heading.current?.focus();
    moved.current = false;
  }, [section]);

  if (error && !gone) {
    return (
      <main className="screen">
        <p role="alert" className="field-error">
          {error}
        </p>
        <button type="button" onClick={onClose}>
          Về danh sách hội nghị
        </button>
      </main>
    );
  }
  if (!ops)
    return (
      <main className="screen">
        <p>Đang mở hội nghị…</p>
      </main>
    );

  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0];
  return (
    <EditorProvider value={ops}>
      <div className="editor">
        <div className="sections">
          <h1 className="meeting-name">{untitled(ops.record.meeting.title)}</h1>
          <nav aria-label="Các phần của hội nghị">
            <ol>
              {SECTIONS.map((s, index) => (
                <li key={s.id}>
                  <button type="button" aria-current={s.id === section ? 'step' : undefined} onClick={() => show(s.id)}>
                    <span>{s.title}</span> <kbd>Alt+{index + 1}</kbd>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <EditorKeys />
          <section aria-label="Ghi âm">
            <RecordingBar meetingId={meetingId} onChange={recorded} />
          </section>
        </div>
        <main className="section" aria-labelledby="section-title">
          <h2 id="section-title" ref={heading} tabIndex={-1}>
            {current.title}
          </h2>
          {section === 'general' ? (
            <GeneralSection />
          ) : section === 'sites' ? (
            <SitesSection selectedId={siteId} onSelect={setSiteId} />
          ) : section === 'agenda' ? (
            <AgendaSection />
          ) : section === 'proceedings' ? (
            <ProceedingsSection draft={speechDraft} onDraft={setSpeechDraft} recordings={recordings} />
          ) : section === 'conclusions' ? (
            <ConclusionsSection />
          ) : (
            <PreviewSection />
          )}
        </main>
      </div>
    </EditorProvider>
  );
}
