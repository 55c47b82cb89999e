// Move up, move down and remove, for a row of an ordered list; Alt+↑ / Alt+↓ from inside the row.
import type { KeyboardEvent, ReactNode } from 'react';
import { isComposing } from '../lib/format.ts';

export function RowTools({
  name,
  index,
  count,
  onMove,
  onRemove,
  removeLabel = 'Xóa',
  removeTitle,
  children,
}: {
  /** What the row is, for the buttons' accessible names ("mục 2"). */
  name: string;
  index: number;
  count: number;
  onMove(position: number): void;
  onRemove(): void;
  /** What removing is called for this list ("Bỏ qua" a queued speaker), and its key. */
  removeLabel?: string;
  removeTitle?: string;
  /** More actions of the row, shown before "Xóa". */
  children?: ReactNode;
}) {
  return (
    <span className="row-tools">
      <button
        type="button"
        className="icon"
        aria-label={`Chuyển ${name} lên`}
        title="Chuyển lên (Alt+↑)"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        aria-label={`Chuyển ${name} xuống`}
        title="Chuyển xuống (Alt+↓)"
        disabled={index >= count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </button>
      {children}
      <button type="button" className="danger-quiet" aria-label={`${removeLabel} ${name}`} title={removeTitle} onClick={onRemove}>
        {removeLabel}
      </button>
    </span>
  );
}

/** onKeyDown for a row: Alt+↑ / Alt+↓ reorder it. */
export function reorderKeys(index: number, count: number, onMove: (position: number) => void) {
  return (event: KeyboardEvent) => {
    if (isComposing(event) || !event.altKey) return;
    if (event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      onMove(index - 1);
    } else if (event.key === 'ArrowDown' && index < count - 1) {
      event.preventDefault();
      onMove(index + 1);
    }
  };
}
