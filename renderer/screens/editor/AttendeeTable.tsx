// A site's attendees as one grid, header and rows sharing its columns (CSS subgrid), as wide as the window
// allows. The focus moves from row to row with ↑ ↓ (one row in the tab order); on a row single keys mark
// presence and membership (AttendeeRow). Rows move (Alt+↑/↓), go to another site, and are removed after a
// confirmation, with "Hoàn tác" to bring them back. A long list renders only the rows in view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { startTransition, useEffect, useRef, useState, type CSSProperties } from 'react';
import type { Attendee, Site } from '../../../shared/model/meeting.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { VIRTUALISE_FROM } from '../../components/VirtualList.tsx';
import { AttendeeRow, type RowCommands } from './AttendeeRow.tsx';
import { useEditor } from './meeting-state.tsx';
import { MoveToSite } from './MoveToSite.tsx';
import { siteName } from './SiteDetail.tsx';
import { chordOf, PRESENCE_KEYS, ROW_KEYS, SITE_KEYS } from './shortcuts.ts';
import { useRemoveWithUndo } from './undo.ts';

const COLUMNS = ['#', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Thành phần', 'Vai trò', 'TV', 'Tình trạng', 'Lý do / giờ', 'Thao tác'];
const ROW_HEIGHT = 40;
/** The grid starts at least this far down the window (the section's heading and totals, the site's fields:
 * about 315 px at 1920×1080, where the list of sites is beside the site, lower where it is above). */
const GRID_TOP = 300;

/** As many rows as a window can show before it is scrolled; the first frame builds no more. */
const firstRows = (): number => Math.max(8, Math.ceil((window.innerHeight - GRID_TOP) / ROW_HEIGHT));

/** Wide enough for the longest name (capped, so that one very long name does not squeeze the others). */
function nameWidth(attendees: readonly Attendee[]): string {
  let longest = 0;
  for (const a of attendees) longest = Math.max(longest, a.fullName.length);
  return `calc(${Math.min(Math.max(longest, 14), 36) * 0.95}ch + 14px)`;
}

/** `attendees` in the order shown; `stored` in the stored order, which moving and numbering follow. */
export function AttendeeTable({ site, attendees, stored, onNext }: { site: Site; attendees: Attendee[]; stored: Attendee[]; onNext(): void }) {
  const ops = useEditor();
  const [removing, setRemoving] = useState<Attendee | null>(null);
  const [moving, setMoving] = useState<Attendee | null>(null);
  const [active, setActive] = useState(0);
  const grid = useRef<HTMLDivElement>(null);
  // The row that should have the focus once it is rendered (a virtualised row may first need scrolling to).
  const wanted = useRef<number | null>(null);
  const removeRow = useRemoveWithUndo();
  // The rows below the window's edge come in a background render just after the first frame, which typing interrupts.
  const [complete, setComplete] = useState(false);
  useEffect(() => startTransition(() => setComplete(true)), []);
  const long = attendees.length >= VIRTUALISE_FROM;
  const virtualizer = useVirtualizer({
    count: long ? attendees.length : 0,
    getScrollElement: () => grid.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => attendees[index]?.id ?? index,
  });

  useEffect(() => {
    const index = wanted.current;
    if (index === null) return;
    const row = grid.current?.querySelector<HTMLElement>(`[data-row="${index}"]`);
    if (row) {
      wanted.current = null;
      row.focus();
    } else if (long) {
      virtualizer.scrollToIndex(index, { align: 'auto' });
    }
  });

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(index, attendees.length - 1));
    wanted.current = clamped;
    setActive(clamped);
    // Rendered already: focus now (the effect runs only when something renders).
    const row = grid.current?.querySelector<HTMLElement>(`[data-row="${clamped}"]`);
    if (row) {
      wanted.current = null;
      row.focus();
    } else if (long) {
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
    }
  };
  // Alt+T from anywhere in the section: into the grid at its current row, or to the entry line of an empty site.
  const intoGrid = useRef(onNext);
  useEffect(() => {
    intoGrid.current = attendees.length > 0 ? () => focusRow(active) : onNext;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || chordOf(event) !== SITE_KEYS.grid) return;
      // Not out of an open dialog.
      if (event.target instanceof Element && event.target.closest('[aria-modal="true"]')) return;
      event.preventDefault();
      intoGrid.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (attendees.length === 0) return <p className="muted">Chưa có đại biểu tại điểm cầu này.</p>;

  const spokeCount = (id: number) => ops.record.speeches.filter((s) => s.attendeeId === id).length;
  const remove = async (attendee: Attendee) => {
    setRemoving(null);
    const index = attendees.indexOf(attendee);
    await removeRow('attendees', attendee.id, attendee.fullName ? `đồng chí ${attendee.fullName}` : 'dòng không có tên', ` khỏi điểm cầu ${siteName(site)}`);
    if (index >= 0) wanted.current = Math.min(index, attendees.length - 2);
  };
  const commandsOf = (attendee: Attendee): RowCommands => ({
    focusRow,
    activate: (index) => {
      if (index !== active) setActive(index);
    },
    onNext,
    // Only a row with nothing in it goes without asking; every removal can be undone.
    onRemove: () => (attendee.fullName || attendee.positions || attendee.unit ? setRemoving(attendee) : void remove(attendee)),
    onMoveSite: () => setMoving(attendee),
  });
  const row = (attendee: Attendee, index: number) => (
    <AttendeeRow
      key={attendee.id}
      attendee={attendee}
      index={index}
      position={stored.indexOf(attendee)}
      count={attendees.length}
      active={index === Math.min(active, attendees.length - 1)}
      ops={ops}
      commands={commandsOf(attendee)}
      measure={long ? virtualizer.measureElement : undefined}
    />
  );
  const items = long ? virtualizer.getVirtualItems() : null;
  const before = items?.[0]?.start ?? 0;
  const after = items ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <>
      <div
        ref={grid}
        role="grid"
        aria-label={`Đại biểu tại điểm cầu ${siteName(site)}`}
        aria-rowcount={attendees.length + 1}
        aria-describedby={`keys-${site.id}`}
        className={`attendee-table ${long ? 'scrolls' : ''}`}
        style={{ '--name-width': nameWidth(attendees) } as CSSProperties}
      >
        <div role="row" className="attendee-row attendee-header" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <span key={c} role="columnheader" title={c === 'TV' ? 'Thành viên của cơ quan họp' : c}>
              {c}
            </span>
          ))}
        </div>
        {items ? (
          <>
            <div className="grid-spacer" aria-hidden="true" style={{ height: before }} />
            {items.map((item) => {
              const attendee = attendees[item.index];
              return attendee ? row(attendee, item.index) : null;
            })}
            <div className="grid-spacer" aria-hidden="true" style={{ height: after }} />
          </>
        ) : (
          (complete ? attendees : attendees.slice(0, firstRows())).map(row)
        )}
      </div>
      <p className="field-hint keys-hint" id={`keys-${site.id}`}>
        <span>
          <kbd>{SITE_KEYS.grid}</kbd> vào bảng (từ bất kỳ ô nào)
        </span>{' '}
        Trên một dòng:{' '}
        <span>
          <kbd>{PRESENCE_KEYS.present}</kbd> có mặt
        </span>{' '}
        <span>
          <kbd>{PRESENCE_KEYS.absent_excused}</kbd> vắng có lý do
        </span>{' '}
        <span>
          <kbd>{PRESENCE_KEYS.absent_unexcused}</kbd> vắng không lý do
        </span>{' '}
        <span>
          <kbd>{PRESENCE_KEYS.late}</kbd> đến muộn
        </span>{' '}
        <span>
          <kbd>{PRESENCE_KEYS.left_early}</kbd> về sớm
        </span>{' '}
        <span>
          <kbd>{ROW_KEYS.member}</kbd> thành viên
        </span>{' '}
        <span>
          <kbd>↑ ↓</kbd> dòng khác
        </span>{' '}
        <span>
          <kbd>Enter</kbd> sửa
        </span>{' '}
        <span>
          <kbd>Esc</kbd> về dòng
        </span>{' '}
        <span>
          <kbd>Delete</kbd> xóa
        </span>
      </p>
      {moving ? <MoveToSite attendee={moving} from={site} onDone={() => setMoving(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          title="Xóa đại biểu?"
          message={
            <>
              <p>
                Đồng chí {removing.fullName || '(chưa có tên)'} sẽ bị xóa khỏi danh sách đại biểu tại điểm cầu {siteName(site)}.
              </p>
              {spokeCount(removing.id) > 0 ? (
                <p>Đồng chí có {spokeCount(removing.id)} phát biểu trong Diễn biến; các phát biểu đó vẫn giữ họ tên, chức vụ và điểm cầu của đồng chí.</p>
              ) : null}
              <p>Ngay sau khi xóa vẫn có thể hoàn tác.</p>
            </>
          }
          confirmLabel="Xóa đại biểu"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        />
      ) : null}
    </>
  );
}
