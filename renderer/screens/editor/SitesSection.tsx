// Điểm cầu và thành phần: the sites (main site first) and who attended at each, entered fast: Enter adds
// the next row, a pasted block becomes rows, names come from the people directory, a list of sites comes
// from a file; presence is marked with single keys on a row; counts per site and in total update live.
import { useMemo } from 'react';
import { formatCount } from '../../lib/format.ts';
import { EMPTY_STATS, useSiteStats } from './attendee-views.ts';
import { useTextEntry } from './draft-row.ts';
import { useEditor } from './meeting-state.tsx';
import { SiteDetail } from './SiteDetail.tsx';
import { SitesPane } from './SitesPane.tsx';

/** The site open is the editor's (selectedId, onSelect), so it is still open when the secretary comes back from another section; none yet: the main one. */
export function SitesSection({ selectedId, onSelect: setSelectedId }: { selectedId: number | null; onSelect(id: number | null): void }) {
  const ops = useEditor();
  const entry = useTextEntry('sites', 'name', ops.record.sites, setSelectedId);
  const sites = useMemo(() => ops.record.sites.filter((s) => s.id !== entry.draftId), [ops.record.sites, entry.draftId]);
  const { stats, bySite, total } = useSiteStats(sites, ops.record.attendees);

  // Main site first, then the others in their order.
  const ordered = useMemo(() => [...sites].sort((a, b) => Number(b.isMain) - Number(a.isMain) || a.ord - b.ord), [sites]);
  const selected = sites.find((s) => s.id === selectedId) ?? ordered[0] ?? null;

  return (
    <div className="section-body sites">
      <p className="totals" aria-live="polite">
        Tổng cộng: <strong>{formatCount(total.sites)}</strong> điểm cầu; <strong>{formatCount(total.attending)}</strong> đại biểu dự (có tên:{' '}
        {formatCount(total.present)}/{formatCount(total.named)} có mặt; theo số lượng: {formatCount(total.counted)})
        {total.members > 0 ? (
          <>
            ; thành viên có mặt:{' '}
            <strong>
              {formatCount(total.membersPresent)}/{formatCount(total.members)}
            </strong>
          </>
        ) : null}
        .
      </p>
      <div className="split">
        <SitesPane ordered={ordered} stats={stats} selectedId={selected?.id ?? null} onSelect={setSelectedId} entry={entry} />
        {selected ? (
          <SiteDetail
            key={selected.id}
            site={selected}
            stats={stats.get(selected.id) ?? EMPTY_STATS}
            attendees={bySite.get(selected.id) ?? []}
            onRemoved={() => setSelectedId(null)}
          />
        ) : (
          <p className="muted site-detail">Chưa có điểm cầu. Thêm điểm cầu đầu tiên (điểm cầu chính) ở ô bên trái, hoặc nhập danh sách điểm cầu từ tệp.</p>
        )}
      </div>
    </div>
  );
}
