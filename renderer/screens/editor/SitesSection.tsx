// Điểm cầu và thành phần: the sites (main site first) and who attended at each, entered fast:
// Enter adds the next row, a pasted block becomes rows, names come from the people directory.
import { memo, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { CATEGORIES, PRESENCE, ROLES, SITE_LEVELS, type Attendee, type Person, type Site } from '../../../shared/model/meeting.ts';
import { CATEGORY_LABELS, PRESENCE_LABELS, ROLE_LABELS, SITE_LEVEL_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { ConfirmDialog, Dialog } from '../../components/Dialog.tsx';
import { CheckboxField, DateTimeField, NumberField, optionsOf, SelectField, TextField } from '../../components/fields.tsx';
import { NewRowInput } from '../../components/NewRowInput.tsx';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { useToast } from '../../context.tsx';
import { sortByName, type NameOrder } from '../../../shared/vietnamese/collate.ts';
import { fold } from '../../../shared/vietnamese/fold.ts';
import { formatCount, isComposing } from '../../lib/format.ts';
import { isBlock, parseAttendeeBlock } from '../../lib/paste.ts';
import { AttendeeFileImport } from './AttendeeFileImport.tsx';
import { useEditor, useSiteStats, type MeetingOps, type SiteStats } from './meeting-state.tsx';

const siteName = (site: Site): string => site.name || '(Chưa có tên)';

export function SitesSection() {
  const ops = useEditor();
  const toast = useToast();
  const { sites } = ops.record;
  const { stats, bySite, total } = useSiteStats(ops.record);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(() => sites.find((s) => s.isMain)?.id ?? sites[0]?.id ?? null);

  // Main site first, then the others in their order.
  const ordered = useMemo(() => [...sites].sort((a, b) => Number(b.isMain) - Number(a.isMain) || a.ord - b.ord), [sites]);
  const shown = useMemo(() => {
    const q = fold(query);
    return q ? ordered.filter((s) => fold(`${s.name} ${s.location}`).includes(q)) : ordered;
  }, [ordered, query]);
  const selected = sites.find((s) => s.id === selectedId) ?? ordered[0] ?? null;
  const selectedIndex = selected ? shown.findIndex((s) => s.id === selected.id) : -1;

  const addSite = async (name: string) => {
    const site = await ops.add('sites', { name });
    setSelectedId(site.id);
  };
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
            items={shown}
            rowHeight={34}
            label="Điểm cầu"
            className="site-list"
            getKey={(s) => s.id}
            scrollToIndex={selectedIndex >= 0 ? selectedIndex : null}
            renderRow={(site) => (
              <SiteButton site={site} stats={stats.get(site.id)} selected={site.id === selected?.id} onSelect={setSelectedId} />
            )}
          />
          <NewRowInput
            label="Thêm điểm cầu"
            placeholder="Tên điểm cầu, Enter để thêm"
            hint="Dán nhiều dòng (tên, địa chỉ) từ Excel hoặc Word để thêm nhiều điểm cầu."
            onAdd={addSite}
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

function SiteDetail({ site, stats, attendees, onRemoved }: { site: Site; stats: SiteStats; attendees: Attendee[]; onRemoved(): void }) {
  const ops = useEditor();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [order, setOrder] = useState<NameOrder>('entered');
  const shown = useMemo(() => sortByName(attendees, (a) => a.fullName, order), [attendees, order]);
  const newName = useRef<HTMLInputElement>(null);
  const fail = (error: unknown) => toast({ text: errorMessage(error), tone: 'error' });
  const save = (patch: Partial<Site>) => ops.update('sites', site.id, patch);
  const countOnly = site.attendeeCount !== null;
  const position = ops.record.sites.findIndex((s) => s.id === site.id);

  const remove = async () => {
    setConfirming(false);
    try {
      await ops.remove('sites', site.id);
      onRemoved();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="site-detail" aria-labelledby="site-detail-title">
      <h3 id="site-detail-title">Điểm cầu: {siteName(site)}{site.isMain ? ' (điểm cầu chính)' : ''}</h3>
      <div className="row">
        <TextField label="Tên điểm cầu" value={site.name} save={(name) => save({ name })} className="grow" />
        <TextField label="Địa chỉ" value={site.location} save={(location) => save({ location })} className="grow" />
        <SelectField label="Cấp" value={site.level} options={optionsOf(SITE_LEVELS, SITE_LEVEL_LABELS)} save={(level) => save({ level })} />
      </div>
      <div className="row site-options">
        {site.isMain
          ? <p className="badge-line">Đây là điểm cầu chính.</p>
          : <button type="button" onClick={() => void save({ isMain: true }).catch(fail)}>Đặt làm điểm cầu chính</button>}
        <CheckboxField
          label="Chỉ ghi số lượng đại biểu (không có danh sách)"
          value={countOnly}
          save={(on) => save({ attendeeCount: on ? 0 : null })}
        />
        {countOnly ? (
          <NumberField label="Số đại biểu tại điểm cầu" value={site.attendeeCount} save={(n) => save({ attendeeCount: n ?? 0 })} />
        ) : null}
      </div>

      {countOnly ? null : (
        <>
          <div className="row attendee-head">
            <p className="site-count" aria-live="polite">Có mặt {formatCount(stats.present)}/{formatCount(stats.named)} đại biểu</p>
            <button type="button" disabled={attendees.length === 0} onClick={() => void ops.markAllPresent(site.id).catch(fail)}>
              Đánh dấu tất cả có mặt
            </button>
            <div className="field inline">
              <label htmlFor={`order-${site.id}`} className="field-label">Sắp xếp</label>
              <select id={`order-${site.id}`} value={order} onChange={(e) => setOrder(e.target.value as NameOrder)}>
                <option value="entered">Theo thứ tự nhập</option>
                <option value="full">Theo họ và tên (A–Z)</option>
                <option value="given">Theo tên (A–Z)</option>
              </select>
            </div>
            {order === 'entered' ? null : (
              <button
                type="button"
                onClick={() => void ops.sortAttendees(site.id, order).then(() => {
                  setOrder('entered');
                  toast({ text: 'Đã lưu thứ tự mới; biên bản liệt kê đại biểu theo thứ tự này.' });
                }, fail)}
              >
                Lưu thứ tự này cho biên bản
              </button>
            )}
            <AttendeeFileImport siteId={site.id} />
          </div>
          <AttendeeTable site={site} attendees={shown} stored={attendees} onNext={() => newName.current?.focus()} />
          <NewAttendee siteId={site.id} nameRef={newName} />
        </>
      )}

      <div className="row detail-actions">
        <button type="button" disabled={position <= 0} onClick={() => void ops.move('sites', site.id, position - 1).catch(fail)}>Chuyển điểm cầu lên</button>
        <button type="button" disabled={position >= ops.record.sites.length - 1} onClick={() => void ops.move('sites', site.id, position + 1).catch(fail)}>Chuyển điểm cầu xuống</button>
        <button type="button" className="danger-quiet" onClick={() => setConfirming(true)}>Xóa điểm cầu</button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Xóa điểm cầu?"
          message={<p>Điểm cầu “{siteName(site)}”{attendees.length > 0 ? ` và ${formatCount(attendees.length)} đại biểu của điểm cầu` : ''} sẽ bị xóa.</p>}
          confirmLabel="Xóa điểm cầu"
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => void remove()}
        />
      ) : null}
    </section>
  );
}

const COLUMNS = ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Thành phần', 'Vai trò', 'Tình trạng', 'Lý do vắng / giờ', ''];

/** `attendees` in the order shown; `stored` in the stored order, which moving and numbering follow. */
function AttendeeTable({ site, attendees, stored, onNext }: { site: Site; attendees: Attendee[]; stored: Attendee[]; onNext(): void }) {
  const ops = useEditor();
  const toast = useToast();
  const [removing, setRemoving] = useState<Attendee | null>(null);
  const [moving, setMoving] = useState<Attendee | null>(null);
  if (attendees.length === 0) return <p className="muted">Chưa có đại biểu tại điểm cầu này.</p>;

  const spokeCount = (id: number) => ops.record.speeches.filter((s) => s.attendeeId === id).length;
  const remove = async (attendee: Attendee) => {
    setRemoving(null);
    try {
      await ops.remove('attendees', attendee.id);
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <div className="attendee-table">
      <div className="attendee-grid attendee-header" aria-hidden="true">
        <span>#</span>
        {COLUMNS.map((c) => <span key={c}>{c}</span>)}
      </div>
      <VirtualList
        items={attendees}
        rowHeight={40}
        label={`Đại biểu tại điểm cầu ${siteName(site)}`}
        className="attendee-list"
        getKey={(a) => a.id}
        renderRow={(attendee) => (
          <AttendeeRow
            attendee={attendee}
            index={stored.indexOf(attendee)}
            count={attendees.length}
            ops={ops}
            onNext={onNext}
            onRemove={() => (spokeCount(attendee.id) > 0 ? setRemoving(attendee) : void remove(attendee))}
            onMoveSite={() => setMoving(attendee)}
          />
        )}
      />
      {moving ? <MoveToSite attendee={moving} from={site} onDone={() => setMoving(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          title="Xóa đại biểu?"
          message={<p>Đồng chí {removing.fullName} có {spokeCount(removing.id)} phát biểu trong Diễn biến. Nếu xóa khỏi danh sách, các phát biểu đó vẫn giữ họ tên, chức vụ và điểm cầu của đồng chí.</p>}
          confirmLabel="Xóa đại biểu"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        />
      ) : null}
    </div>
  );
}

function AttendeeRow({ attendee: a, index, count, ops, onNext, onRemove, onMoveSite }: {
  attendee: Attendee;
  index: number;
  count: number;
  ops: MeetingOps;
  onNext(): void;
  onRemove(): void;
  onMoveSite(): void;
}) {
  const toast = useToast();
  const n = index + 1;
  const save = (patch: Partial<Attendee>) => ops.update('attendees', a.id, patch);
  const remember = () => void ops.rememberAttendee(a.id).catch((error: unknown) => toast({ text: errorMessage(error), tone: 'error' }));
  const move = (position: number) => void ops.move('attendees', a.id, position).catch((error: unknown) => toast({ text: errorMessage(error), tone: 'error' }));
  const reorder = reorderKeys(index, count, move);

  const onKeyDown = (event: KeyboardEvent) => {
    reorder(event);
    if (event.defaultPrevented || isComposing(event)) return;
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && !event.ctrlKey && !event.altKey && !event.shiftKey && target.tagName === 'INPUT') {
      event.preventDefault();
      onNext();
    }
  };
  // The row is committed to the people directory when focus leaves it.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) remember();
  };
  const absent = a.presence === 'absent_excused' || a.presence === 'absent_unexcused';
  const timed = a.presence === 'late' || a.presence === 'left_early';

  return (
    <div className="attendee-grid" onKeyDown={onKeyDown} onBlur={onBlur}>
      <span className="row-number">{n}</span>
      <TextField label={`Họ và tên, dòng ${n}`} hideLabel value={a.fullName} save={(fullName) => save({ fullName })} />
      <TextField label={`Chức vụ, dòng ${n}`} hideLabel value={a.positions} save={(positions) => save({ positions })} />
      <TextField label={`Đơn vị, dòng ${n}`} hideLabel value={a.unit} save={(unit) => save({ unit })} />
      <SelectField label={`Thành phần, dòng ${n}`} hideLabel value={a.category} options={optionsOf(CATEGORIES, CATEGORY_LABELS)} save={(category) => save({ category })} />
      <SelectField label={`Vai trò, dòng ${n}`} hideLabel value={a.role} options={optionsOf(ROLES, ROLE_LABELS)} save={(role) => save({ role })} />
      <SelectField label={`Tình trạng, dòng ${n}`} hideLabel value={a.presence} options={optionsOf(PRESENCE, PRESENCE_LABELS)} save={(presence) => save({ presence })} />
      {absent ? <TextField label={`Lý do vắng, dòng ${n}`} hideLabel value={a.absenceReason} save={(absenceReason) => save({ absenceReason })} placeholder="Lý do vắng" />
        : timed ? <DateTimeField type="time" label={`Giờ đến hoặc về, dòng ${n}`} hideLabel value={a.presenceTime} save={(presenceTime) => save({ presenceTime })} />
        : <span />}
      <RowTools name={`đại biểu ${a.fullName || `dòng ${n}`}`} index={index} count={count} onMove={move} onRemove={onRemove}>
        <button type="button" className="icon" aria-label={`Chuyển đại biểu ${a.fullName || `dòng ${n}`} sang điểm cầu khác`} title="Chuyển sang điểm cầu khác" onClick={onMoveSite}>⇄</button>
      </RowTools>
    </div>
  );
}

/** Moves an attendee entered under the wrong site to another site that lists its attendees by name. */
function MoveToSite({ attendee, from, onDone }: { attendee: Attendee; from: Site; onDone(): void }) {
  const ops = useEditor();
  const toast = useToast();
  const targets = ops.record.sites.filter((s) => s.id !== from.id && s.attendeeCount === null);
  const [target, setTarget] = useState<number | null>(targets[0]?.id ?? null);
  const selectId = `move-${attendee.id}`;
  const move = async () => {
    const to = targets.find((s) => s.id === target);
    if (!to) return;
    onDone();
    try {
      await ops.update('attendees', attendee.id, { siteId: to.id });
      toast({ text: `Đã chuyển đồng chí ${attendee.fullName} sang điểm cầu ${siteName(to)}.` });
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };
  return (
    <Dialog title="Chuyển sang điểm cầu khác" onClose={onDone}>
      <div className="dialog-body">
        {targets.length === 0 ? <p>Chưa có điểm cầu nào khác có danh sách đại biểu.</p> : (
          <div className="field">
            <label htmlFor={selectId} className="field-label">Chuyển đồng chí {attendee.fullName || '(chưa có tên)'} sang</label>
            <select id={selectId} value={target ?? ''} onChange={(event) => setTarget(Number(event.target.value))} data-autofocus>
              {targets.map((s) => <option key={s.id} value={s.id}>{siteName(s)}</option>)}
            </select>
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>Hủy</button>
        <button type="button" className="primary" disabled={targets.length === 0} onClick={() => void move()}>Chuyển</button>
      </div>
    </Dialog>
  );
}

/** The entry line under the attendees: name (with the people directory), position, unit; Enter adds. */
function NewAttendee({ siteId, nameRef }: { siteId: number; nameRef: RefObject<HTMLInputElement | null> }) {
  const ops = useEditor();
  const toast = useToast();
  const [name, setName] = useState('');
  const [positions, setPositions] = useState('');
  const [unit, setUnit] = useState('');
  const [personId, setPersonId] = useState<number | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);
  const options = useMemo(() => people.map((p) => ({ id: p.id, label: p.fullName, detail: [p.positions, p.unit].filter(Boolean).join(' · '), person: p })), [people]);
  const opsRef = useRef(ops);
  opsRef.current = ops;

  const lookUp = (text: string) => {
    const ticket = ++asked.current;
    if (fold(text).length < 2) {
      setPeople([]);
      return;
    }
    ops.client.suggestPeople({ text }).then((found) => {
      if (ticket === asked.current) setPeople(found.slice(0, 8));
    }, () => {
      if (ticket === asked.current) setPeople([]);
    });
  };

  const add = async (refocus: boolean) => {
    const values = { siteId, fullName: name, positions, unit, personId };
    if (!name.trim()) return;
    setName('');
    setPositions('');
    setUnit('');
    setPersonId(null);
    setPeople([]);
    if (refocus) nameRef.current?.focus();
    try {
      const attendee = await opsRef.current.add('attendees', values);
      setError(null);
      await opsRef.current.rememberAttendee(attendee.id);
    } catch (err) {
      setError(errorMessage(err));
      // Give the row back unless the next one is already being typed.
      setName((now) => (now === '' ? values.fullName : now));
      setPositions((now) => (now === '' ? values.positions : now));
      setUnit((now) => (now === '' ? values.unit : now));
    }
  };

  const pasteBlock = async (text: string) => {
    const rows = parseAttendeeBlock(text);
    if (rows.length === 0) return;
    try {
      const added = await ops.addMany('attendees', rows.map((row) => ({ ...row, siteId })));
      setError(null);
      toast({ text: `Đã thêm ${formatCount(added.length)} đại biểu.` });
      for (const row of rows) await ops.client.rememberPerson({ person: row });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const enter = (event: KeyboardEvent) => {
    if (isComposing(event) || event.key !== 'Enter' || event.ctrlKey || event.altKey || event.shiftKey) return;
    event.preventDefault();
    void add(true);
  };

  return (
    <div
      className="new-attendee"
      role="group"
      aria-label="Đại biểu mới"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null) && name.trim()) void add(false);
      }}
    >
      <Combobox
        label="Họ và tên đại biểu mới"
        text={name}
        inputRef={nameRef}
        onText={(text) => {
          setName(text);
          setPersonId(null);
          lookUp(text);
        }}
        options={options}
        onPick={(option) => {
          setName(option.person.fullName);
          setPositions(option.person.positions);
          setUnit(option.person.unit);
          setPersonId(option.person.id);
        }}
        onEnter={(event) => {
          event.preventDefault();
          void add(true);
        }}
        onPaste={(event) => {
          const text = event.clipboardData.getData('text/plain');
          if (!isBlock(text)) return;
          event.preventDefault();
          void pasteBlock(text);
        }}
        hint="Enter để thêm và nhập người tiếp theo. Dán danh sách từ Excel hoặc Word (họ tên, chức vụ, đơn vị) để thêm nhiều người."
      />
      <div className="field">
        <label htmlFor={`new-pos-${siteId}`} className="field-label">Chức vụ</label>
        <input id={`new-pos-${siteId}`} value={positions} onChange={(e) => setPositions(e.target.value)} onKeyDown={enter} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`new-unit-${siteId}`} className="field-label">Đơn vị</label>
        <input id={`new-unit-${siteId}`} value={unit} onChange={(e) => setUnit(e.target.value)} onKeyDown={enter} autoComplete="off" />
      </div>
      <button type="button" onClick={() => void add(true)}>Thêm đại biểu</button>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
