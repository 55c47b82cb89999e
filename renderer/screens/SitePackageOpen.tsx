// A site's secretary opens the centre's meeting package: the file is read (nothing written), the secretary says
// which site this machine reports for, and the package becomes a meeting bound to that site.
import { useState } from 'react';
import type { PackageSummary } from '../../shared/model/site-package.ts';
import { errorMessage } from '../api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useClient, useToast } from '../context.tsx';
import { formatCount, formatDate } from '../lib/format.ts';
import { SitePicker } from './editor/SitePicker.tsx';

type PackageSite = PackageSummary['sites'][number];
/** What the package says of a site, beside its name in the list. */
const expected = (site: PackageSite) =>
  site.attendeeCount !== null ? 'chỉ ghi số lượng' : site.attendees > 0 ? `${formatCount(site.attendees)} đại biểu dự kiến` : '';

export function SitePackageOpen({ onOpen }: { onOpen(id: number): void }) {
  const client = useClient();
  const toast = useToast();
  const [read, setRead] = useState<{ token: string; summary: PackageSummary } | null>(null);
  const [siteUuid, setSiteUuid] = useState('');

  const pick = async () => {
    try {
      const picked = await client.readSitePackage({});
      setRead(picked);
      // No site is chosen for the secretary: opening the package for the wrong site would bind this machine to it.
      setSiteUuid('');
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };
  const open = async () => {
    if (!read || !siteUuid) return;
    try {
      const { meetingId } = await client.openSitePackage({ token: read.token, siteUuid });
      const site = read.summary.sites.find((s) => s.uuid === siteUuid);
      setRead(null);
      toast({ text: `Đã mở gói hội nghị cho điểm cầu ${site?.name ?? ''}.` });
      onOpen(meetingId);
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <>
      <button type="button" onClick={() => void pick()}>
        Mở gói của điểm cầu…
      </button>
      {read ? (
        <Dialog title="Mở gói hội nghị của điểm cầu" onClose={() => setRead(null)}>
          <div className="dialog-body">
            <p>
              {read.summary.title || '(Chưa có tiêu đề)'}
              {read.summary.date ? ` — ${formatDate(read.summary.date)}` : ''}
            </p>
            <SitePicker
              label="Điểm cầu của máy này"
              sites={read.summary.sites}
              value={read.summary.sites.find((site) => site.uuid === siteUuid)}
              onChange={(site) => setSiteUuid(site.uuid)}
              describe={expected}
            />
            <p className="muted">Ở máy này chỉ ghi thành phần dự và phát biểu tại điểm cầu đã chọn, rồi xuất báo cáo điểm cầu gửi về điểm cầu chính.</p>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => setRead(null)}>
              Hủy
            </button>
            <button type="button" className="primary" disabled={!siteUuid} onClick={() => void open()}>
              Mở
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
