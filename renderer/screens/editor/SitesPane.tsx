// The list of sites on the left of Điểm cầu và thành phần: a search (↓ goes into the list), the sites (main site
// first; ↑ ↓ move, Enter opens), and for a site that only counts its attendees, its head count changed in place
// as sites report in: digits on the focused site, then Enter. New sites are typed, pasted or read from a file.
import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Site } from '../../../shared/model/meeting.ts';
import { fold } from '../../../shared/vietnamese/fold.ts';
import { errorMessage } from '../../api.ts';
import { NewRowInput } from '../../components/NewRowInput.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { useToast } from '../../context.tsx';
import { formatCount } from '../../lib/format.ts';
import type { SiteStats } from './attendee-views.ts';
import { useTextEntry } from './draft-row.ts';
import { useEditor } from './meeting-state.tsx';
import { chordOf } from './shortcuts.ts';
import { siteName } from './SiteDetail.tsx';
import { sitesMatching } from './SitePicker.tsx';
import { SiteFileImport } from './SiteFileImport.tsx';

/** Calls `act` on the element once it is rendered (a virtualised row may first need scrolling to). */
function whenRendered(find: () => HTMLElement | null | undefined, act: (element: HTMLElement) => void, tries = 30): void {
  const element = find();
  if (element) act(element);
  else if (tries > 0) setTimeout(() => whenRendered(find, act, tries - 1), 16);
}

export function SitesPane({
  ordered,
  stats,
  selectedId,
  onSelect,
  entry,
}: {
  /** The sites, main site first. */
  ordered: Site[];
  stats: Map<number, SiteStats>;
  selectedId: number | null;
  onSelect(id: number): void;
  /** The entry line of a new site (the section leaves its draft out of the lists). */
  entry: ReturnType<typeof useTextEntry<Site>>;
}) {
  const ops = useEditor();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => sitesMatching(query, ordered), [ordered, query]);
  const selectedIndex = shown.findIndex((s) => s.id === selectedId);

  const focusSite = (index: number) => {
    const clamped = Math.max(0, Math.min(index, shown.length - 1));
    setFocusIndex(clamped);
    whenRendered(
      () => list.current?.querySelector<HTMLElement>(`[data-site-index="${clamped}"]`),
      (element) => element.focus(),
    );
  };
  const addSites = async (rows: string[][]) => {
    const added = await ops.addMany(
      'sites',
      rows.map(([name = '', location = '']) => ({ name, location })),
    );
    toast({ text: `Đã thêm ${formatCount(added.length)} điểm cầu.` });
  };
  const saveCount = (site: Site, count: number) =>
    ops.update('sites', site.id, { attendeeCount: count }).catch((error: unknown) => toast({ text: errorMessage(error), tone: 'error' }));

  return (
    <section className="sites-pane" aria-labelledby="sites-list-title">
      <h3 id="sites-list-title">Danh sách điểm cầu</h3>
      <div className="sites-find">
        <div className="field search">
          <label htmlFor="site-search" className="field-label">
            Tìm điểm cầu
          </label>
          <input
            id="site-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(event) => {
              if (chordOf(event) !== 'ArrowDown' || shown.length === 0) return;
              event.preventDefault();
              focusSite(0);
            }}
            autoComplete="off"
            placeholder="Tên điểm cầu, không cần dấu; ↓ vào danh sách"
          />
        </div>
        {shown.length === 0 && ordered.length > 0 ? <p className="muted">Không có điểm cầu nào khớp.</p> : null}
        <div ref={list}>
          <VirtualList
            // A new search starts at its best match, at the top.
            key={fold(query)}
            items={shown}
            rowHeight={34}
            label="Điểm cầu"
            className="site-list"
            getKey={(s) => s.id}
            scrollToIndex={focusIndex ?? (query.trim() ? 0 : selectedIndex >= 0 ? selectedIndex : null)}
            renderRow={(site, index) => (
              <SiteItem
                site={site}
                index={index}
                stats={stats.get(site.id)}
                selected={site.id === selectedId}
                focusable={index === (focusIndex ?? Math.max(selectedIndex, 0))}
                onSelect={onSelect}
                onMove={focusSite}
                onCount={saveCount}
              />
            )}
          />
        </div>
      </div>
      <div className="sites-add">
        <NewRowInput
          {...entry.line}
          label="Thêm điểm cầu"
          placeholder="Tên điểm cầu, Enter để thêm"
          hint="Dán nhiều dòng (tên, địa chỉ) từ Excel hoặc Word để thêm nhiều điểm cầu."
          onAddBlock={addSites}
        />
        <SiteFileImport />
      </div>
    </section>
  );
}

const SiteItem = memo(function SiteItem({
  site,
  index,
  stats,
  selected,
  focusable,
  onSelect,
  onMove,
  onCount,
}: {
  site: Site;
  index: number;
  stats: SiteStats | undefined;
  selected: boolean;
  focusable: boolean;
  onSelect(id: number): void;
  onMove(index: number): void;
  onCount(site: Site, count: number): Promise<unknown>;
}) {
  const [typing, setTyping] = useState<string | null>(null);
  // Set while the count is being typed; cleared by the first of Enter, Esc or leaving the field.
  const open = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const countOnly = site.attendeeCount !== null;
  const count = countOnly ? formatCount(site.attendeeCount ?? 0) : `${formatCount(stats?.present ?? 0)}/${formatCount(stats?.named ?? 0)}`;
  const name = siteName(site);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const chord = chordOf(event);
    if (chord === 'ArrowDown' || chord === 'ArrowUp') {
      event.preventDefault();
      onMove(index + (chord === 'ArrowDown' ? 1 : -1));
    } else if (countOnly && chord !== null && (/^\d$/.test(chord) || chord === 'F2')) {
      event.preventDefault();
      open.current = true;
      setTyping(chord === 'F2' ? String(site.attendeeCount ?? '') : chord);
    }
  };
  const done = (save: boolean) => {
    if (!open.current) return;
    open.current = false;
    const digits = (typing ?? '').replace(/[.\s]/g, '');
    setTyping(null);
    button.current?.focus();
    if (save && /^\d{1,7}$/.test(digits) && Number(digits) !== site.attendeeCount) void onCount(site, Number(digits));
  };

  return (
    <div className={`site-item ${selected ? 'selected' : ''}`}>
      <button
        ref={button}
        type="button"
        className="site-button"
        data-site-index={index}
        tabIndex={focusable ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        aria-keyshortcuts={countOnly ? '0 1 2 3 4 5 6 7 8 9 F2' : undefined}
        onClick={() => onSelect(site.id)}
        onKeyDown={onKeyDown}
      >
        <span className="site-button-name">{name}</span>
        {site.isMain ? <span className="badge">chính</span> : null}
        {typing === null ? (
          <span className="site-button-count" aria-label={countOnly ? `${count} đại biểu` : `${count} có mặt`}>
            {count}
          </span>
        ) : null}
      </button>
      {typing !== null ? (
        <input
          className="site-count-input"
          aria-label={`Số đại biểu tại ${name}`}
          inputMode="numeric"
          autoFocus
          value={typing}
          onChange={(event) => setTyping(event.target.value)}
          onFocus={(event) => event.target.setSelectionRange(event.target.value.length, event.target.value.length)}
          onKeyDown={(event) => {
            const chord = chordOf(event);
            if (chord === 'Enter' || chord === 'Escape') {
              event.preventDefault();
              done(chord === 'Enter');
            }
          }}
          onBlur={() => done(true)}
        />
      ) : null}
    </div>
  );
});
