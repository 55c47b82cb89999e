// A list that renders only the rows in view once it is long (3,356 sites, 600 attendees, 150
// speeches); short lists render every row, which keeps them simple for keyboard and screen readers.
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type Key, type ReactNode } from 'react';

/** Lists up to this long are not virtualised. */
export const VIRTUALISE_FROM = 80;
/** Viewport height assumed before layout (and where there is none, as in tests). */
const FALLBACK_HEIGHT = 640;

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Height of one row in pixels (rows of a virtualised list have a fixed height). */
  rowHeight: number;
  getKey(item: T): Key;
  renderRow(item: T, index: number): ReactNode;
  /** Accessible name of the list. */
  label: string;
  className?: string;
  /** Index to bring into view when it changes. */
  scrollToIndex?: number | null;
  virtualiseFrom?: number;
}

const measure = (instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) =>
  observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 800, height: FALLBACK_HEIGHT }));

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items } = props;
  if (items.length < (props.virtualiseFrom ?? VIRTUALISE_FROM)) return <Plain {...props} />;
  return <Virtual {...props} />;
}

function Plain<T>({ items, getKey, renderRow, label, className, scrollToIndex }: VirtualListProps<T>) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (scrollToIndex === null || scrollToIndex === undefined) return;
    const row = list.current?.children[scrollToIndex];
    if (row && typeof row.scrollIntoView === 'function') row.scrollIntoView({ block: 'nearest' });
  }, [scrollToIndex]);
  return (
    <ul ref={list} className={`plain-list ${className ?? ''}`} aria-label={label}>
      {items.map((item, index) => (
        <li key={getKey(item)} className="list-row">
          {renderRow(item, index)}
        </li>
      ))}
    </ul>
  );
}

function Virtual<T>({ items, rowHeight, getKey, renderRow, label, className, scrollToIndex }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => {
      const item = items[index];
      return item === undefined ? index : getKey(item);
    },
    observeElementRect: measure,
  });

  useEffect(() => {
    const element = scroller.current;
    if (scrollToIndex === null || scrollToIndex === undefined || !element || typeof element.scrollTo !== 'function') return;
    virtualizer.scrollToIndex(scrollToIndex, { align: 'auto' });
  }, [scrollToIndex, virtualizer]);

  return (
    <div ref={scroller} className={`virtual-scroll ${className ?? ''}`}>
      <ul aria-label={label} className="virtual-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (item === undefined) return null;
          return (
            <li
              key={row.key}
              className="list-row virtual-row"
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              style={{ height: rowHeight, transform: `translateY(${row.start}px)` }}
            >
              {renderRow(item, row.index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
