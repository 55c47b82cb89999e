// Điểm cầu và thành phần: the sites (main site first) and who attended at each, entered fast: Enter
// adds the next row, a pasted block becomes rows, names come from the people directory.
import { memo, useMemo, useState } from 'react';
import type { Site } from '../../../shared/model/meeting.ts';
import { NewRowInput } from '../../components/NewRowInput.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { useToast } from '../../context.tsx';
import { fold } from '../../../shared/vietnamese/fold.ts';
import { formatCount } from '../../lib/format.ts';
import { useSiteStats, type SiteStats } from './attendee-views.ts';
import { useTextEntry } from './draft-row.ts';
import { useEditor } from './meeting-state.tsx';
import { SiteDetail, siteName } from './SiteDetail.tsx';

export function SitesSection() {
  const ops = useEditor();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(() => ops.record.sites.find((s) => s.isMain)?.id ?? ops.record.sites[0]?.id ?? null);
  const entry = useTextEntry('sites', 'name', ops.record.sites, setSelectedId);
  const sites = useMemo(() => ops.record.sites.filter((s) => s.id !== entry.draftId), [ops.record.sites, entry.draftId]);
  const { stats, bySite, total } = useSiteStats(sites, ops.record.attendees);

  // Main site first, then the others in their order.
  const ordered = useMemo(() => [...sites].sort((a, b) => Number(b.isMain) - Number(a.isMain) || a.ord - b.ord), [sites]);
  const shown = useMemo(() => {
    const q = fold(query);
    return q ? ordered.filter((s) => fold(`${s.name} ${s.location}`).includes(q)) : ordered;
  }, [ordered, query]);
  const selected = sites.find((s) => s.id === selectedId) ?? ordered[0] ?? null;
  const selectedIndex = selected ? shown.findIndex((s) => s.id === selected.id) : -1;

  const addSites = async (rows: string[][]) => {
    const added = await ops.addMany('sites', rows.map(([name = '', location = '']) => ({ name, location })));
    toast({ text: `Đã thêm ${formatCount(added.length)} điểm cầu.` });
  };

  return (
    <div className="section-body sites">
      <p className="totals" aria-live="polite">
        Tổng cộng: <strong>{formatCount(total.sites)}</strong> điểm cầu;{' '}
        <strong>{formatCount(total.attending)}</strong> đại biểu dự
        {' '}(có tên: {formatCount(total.present)}/{formatCount(total.named)} có mặt; theo số lượng: {formatCount(total.counted)}).
      </p>
      <div className="split">
        <section className="sites-pane" aria-labelledby="sites-list-title">
          <h3 id="sites-list-title">Danh sách điểm cầu</h3>
          <div className="field search">
            <label htmlFor="site-search" className="field-label">Tìm điểm cầu</label>
            <input id="site-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" placeholder="Tên điểm cầu, không cần dấu" />
          </div>
          {shown.length === 0 && sites.length > 0 ? <p className="muted">Không có điểm cầu nào khớp.</p> : null}
          <VirtualList
            // A new search starts at its best match, at the top.
            key={fold(query)}
            items={shown}
            rowHeight={34}
            label="Điểm cầu"
            className="site-list"
            getKey={(s) => s.id}
            scrollToIndex={query.trim() ? 0 : selectedIndex >= 0 ? selectedIndex : null}
            renderRow={(site) => (
              <SiteButton site={site} stats={stats.get(site.id)} selected={site.id === selected?.id} onSelect={setSelectedId} />
            )}
          />
          <NewRowInput
                {...entry.line}
            label="Thêm điểm cầu"
            placeholder="Tên điểm cầu, Enter để thêm"
            hint="Dán nhiều dòng (tên, địa chỉ) từ Excel hoặc Word để thêm nhiều điểm cầu."
            onAddBlock={addSites}
          />
        </section>
        {selected ? (
          <SiteDetail
            key={selected.id}
            site={selected}
            stats={stats.get(selected.id) ?? { named: 0, present: 0, count: 0 }}
            attendees={bySite.get(selected.id) ?? []}
            onRemoved={() => setSelectedId(null)}
          />
        ) : (
          <p className="muted site-detail">Chưa có điểm cầu. Thêm điểm cầu đầu tiên (điểm cầu chính) ở ô bên trái.</p>
        )}
      </div>
    </div>
  );
}

const SiteButton = memo(function SiteButton({ site, stats, selected, onSelect }: { site: Site; stats: SiteStats | undefined; selected: boolean; onSelect(id: number): void }) {
  const count = site.attendeeCount !== null ? formatCount(site.attendeeCount) : `${formatCount(stats?.present ?? 0)}/${formatCount(stats?.named ?? 0)}`;
  return (
    <button type="button" className="site-button" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(site.id)}>
      <span className="site-button-name">{siteName(site)}</span>
      {site.isMain ? <span className="badge">chính</span> : null}
      <span className="site-button-count" aria-label={site.attendeeCount !== null ? `${count} đại biểu` : `${count} có mặt`}>{count}</span>
    </button>
  );
});
