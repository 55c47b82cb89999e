// One site: its name, level and options (main site, head count only), and its attendees: the table,
// the entry line of the next one, a list imported from a file.
import { useMemo, useRef, useState } from 'react';
import { PRESENCE, SITE_LEVELS, type Attendee, type Site } from '../../../shared/model/meeting.ts';
import { PRESENCE_LABELS, SITE_LEVEL_LABELS } from '../../../shared/model/labels.ts';
import { sortByName, type NameOrder } from '../../../shared/vietnamese/collate.ts';
import { errorMessage } from '../../api.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { CheckboxField, NumberField, optionsOf, SelectField, TextField } from '../../components/fields.tsx';
import { useToast } from '../../context.tsx';
import { formatCount } from '../../lib/format.ts';
import { AttendeeFileImport } from './AttendeeFileImport.tsx';
import { AttendeeTable } from './AttendeeTable.tsx';
import type { SiteStats } from './attendee-views.ts';
import { useEditor } from './meeting-state.tsx';
import { NewAttendee, useAttendeeEntry } from './NewAttendee.tsx';

export const siteName = (site: { name: string }): string => site.name || '(Chưa có tên)';

export function SiteDetail({ site, stats, attendees, onRemoved }: { site: Site; stats: SiteStats; attendees: Attendee[]; onRemoved(): void }) {
  const ops = useEditor();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [order, setOrder] = useState<NameOrder>('entered');
  const entry = useAttendeeEntry();
  const listed = useMemo(() => attendees.filter((a) => a.id !== entry.draftId), [attendees, entry.draftId]);
  const shown = useMemo(() => sortByName(listed, (a) => a.fullName, order), [listed, order]);
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
      <h3 id="site-detail-title">
        Điểm cầu: {siteName(site)}
        {site.isMain ? ' (điểm cầu chính)' : ''}
      </h3>
      <div className="row">
        <TextField label="Tên điểm cầu" value={site.name} save={(name) => save({ name })} className="grow" />
        <TextField label="Địa chỉ" value={site.location} save={(location) => save({ location })} className="grow" />
        <SelectField label="Cấp" value={site.level} options={optionsOf(SITE_LEVELS, SITE_LEVEL_LABELS)} save={(level) => save({ level })} />
      </div>
      <div className="row site-options">
        {site.isMain ? (
          <p className="badge-line">Đây là điểm cầu chính.</p>
        ) : (
          <button type="button" onClick={() => void save({ isMain: true }).catch(fail)}>
            Đặt làm điểm cầu chính
          </button>
        )}
        <CheckboxField label="Chỉ ghi số lượng đại biểu (không có danh sách)" value={countOnly} save={(on) => save({ attendeeCount: on ? 0 : null })} />
        {countOnly ? <NumberField label="Số đại biểu tại điểm cầu" value={site.attendeeCount} save={(n) => save({ attendeeCount: n ?? 0 })} /> : null}
      </div>

      {countOnly ? null : (
        <>
          <div className="row attendee-head">
            <div className="site-counts" aria-live="polite">
              <p className="site-count">
                Có mặt {formatCount(stats.present)}/{formatCount(stats.named)} đại biểu
              </p>
              <p className="presence-counts">
                {PRESENCE.filter((p) => p !== 'present').map((p) => (
                  <span key={p}>
                    {PRESENCE_LABELS[p]}: {formatCount(stats.byPresence[p])}
                  </span>
                ))}
                {stats.members > 0 ? (
                  <span>
                    Thành viên có mặt: {formatCount(stats.membersPresent)}/{formatCount(stats.members)}
                  </span>
                ) : null}
              </p>
            </div>
            <button type="button" disabled={listed.length === 0} onClick={() => void ops.markAllPresent(site.id).catch(fail)}>
              Đánh dấu tất cả có mặt
            </button>
            <div className="field inline">
              <label htmlFor={`order-${site.id}`} className="field-label">
                Sắp xếp
              </label>
              <select id={`order-${site.id}`} value={order} onChange={(e) => setOrder(e.target.value as NameOrder)}>
                <option value="entered">Theo thứ tự nhập</option>
                <option value="full">Theo họ và tên (A–Z)</option>
                <option value="given">Theo tên (A–Z)</option>
              </select>
            </div>
            {order === 'entered' ? null : (
              <button
                type="button"
                onClick={() =>
                  void ops.sortAttendees(site.id, order).then(() => {
                    setOrder('entered');
                    toast({ text: 'Đã lưu thứ tự mới; biên bản liệt kê đại biểu theo thứ tự này.' });
                  }, fail)
                }
              >
                Lưu thứ tự này cho biên bản
              </button>
            )}
            <AttendeeFileImport siteId={site.id} />
          </div>
          <AttendeeTable site={site} attendees={shown} stored={listed} onNext={() => newName.current?.focus()} />
          <NewAttendee siteId={site.id} nameRef={newName} entry={entry} />
        </>
      )}

      <div className="row detail-actions">
        <button type="button" disabled={position <= 0} onClick={() => void ops.move('sites', site.id, position - 1).catch(fail)}>
          Chuyển điểm cầu lên
        </button>
        <button type="button" disabled={position >= ops.record.sites.length - 1} onClick={() => void ops.move('sites', site.id, position + 1).catch(fail)}>
          Chuyển điểm cầu xuống
        </button>
        <button type="button" className="danger-quiet" onClick={() => setConfirming(true)}>
          Xóa điểm cầu
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Xóa điểm cầu?"
          message={
            <p>
              Điểm cầu “{siteName(site)}”{attendees.length > 0 ? ` và ${formatCount(attendees.length)} đại biểu của điểm cầu` : ''} sẽ bị xóa.
            </p>
          }
          confirmLabel="Xóa điểm cầu"
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => void remove()}
        />
      ) : null}
    </section>
  );
}
