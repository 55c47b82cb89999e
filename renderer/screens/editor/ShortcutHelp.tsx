// Phím tắt: every key of the meeting editor, from the one list in shortcuts.ts (F1, or the button in the
// side list); and the keys that work anywhere in the open meeting (the meeting's start and end, F1).
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { useMeetingStamp } from './MeetingClock.tsx';
import { chordOf, MEETING_KEYS, SHORTCUT_HELP } from './shortcuts.ts';

function ShortcutDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Phím tắt" onClose={onClose}>
      <div className="dialog-body shortcut-help">
        {SHORTCUT_HELP.map((group) => (
          <table key={group.title} className="shortcut-table">
            <caption>{group.title}</caption>
            <tbody>
              {group.keys.map(([keys, what]) => (
                <tr key={keys + what}>
                  <th scope="row">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} data-autofocus>
          Đóng
        </button>
      </div>
    </Dialog>
  );
}

/** The button that opens the help, and the meeting-wide keys (inside the open meeting). */
export function EditorKeys() {
  const [open, setOpen] = useState(false);
  const stamp = useMeetingStamp();
  const latest = useRef(stamp);
  useEffect(() => {
    latest.current = stamp;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const chord = chordOf(event);
      const action =
        chord === MEETING_KEYS.start
          ? () => latest.current('start')
          : chord === MEETING_KEYS.end
            ? () => latest.current('end')
            : chord === MEETING_KEYS.help
              ? () => setOpen(true)
              : null;
      if (!action || event.defaultPrevented) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      <button type="button" className="help-button" onClick={() => setOpen(true)}>
        Phím tắt <kbd>{MEETING_KEYS.help}</kbd>
      </button>
      {open ? <ShortcutDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
