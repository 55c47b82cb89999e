// Site reports, on the export screen: the central secretary sends the sites the meeting's package; the contact at
// a site (a meeting opened from the package, bound to its site) exports that site's report; the central secretary
// picks a folder of reports, sees what merging them would change (conflicts side by side, the centre's value
// kept unless the site's is chosen) and merges them, or not; a refused report is named with its reason and left
// out. Nothing is written before "Nhập"; the merge is undone from its message (Hoàn tác).
import { useEffect, useState } from 'react';
import type { MergePreview, RecordMerge } from '../../../shared/model/site-report.ts';
import { errorMessage } from '../../api.ts';
import { useToast, useTracker } from '../../context.tsx';
import { useEditor } from './meeting-state.tsx';
import { SitePicker } from './SitePicker.tsx';

const OUTCOME_LABELS: Record<RecordMerge['outcome'], string> = {
  added: 'Thêm mới',
  updated: 'Cập nhật',
  conflict: 'Khác biệt',
  unchanged: 'Không đổi',
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function SiteReports() {
  const ops = useEditor();
  const tracker = useTracker();
  const toast = useToast();
  const [siteId, setSiteId] = useState<number | null>(null);
  const [withAttendees, setWithAttendees] = useState(true);
  /** The site this machine reports for (a meeting opened from the centre's package), else null. */
  const [boundSite, setBoundSite] = useState<number | null>(null);
  const [pending, setPending] = useState<{ token: string; preview: MergePreview } | null>(null);
  const [takeSite, setTakeSite] = useState<ReadonlySet<string>>(new Set());
  const { client, meetingId, record } = ops;
  const chosenSite = boundSite ?? siteId ?? record.sites[0]?.id ?? null;
  const bound = record.sites.find((site) => site.id === boundSite);

  useEffect(() => {
    let live = true;
    client.reportSite({ meetingId }).then(
      (site) => {
        if (live) setBoundSite(site);
      },
      (error: unknown) => toast({ text: errorMessage(error), tone: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [client, meetingId, toast]);

  const run = async (work: () => Promise<void>) => {
    try {
      await tracker.settle();
      await work();
    } catch (err) {
      toast({ text: errorMessage(err), tone: 'error' });
    }
  };
  const exportReport = () =>
    run(async () => {
      if (chosenSite === null) return;
      const file = await client.exportSiteReport({ siteId: chosenSite });
      if (file) toast({ text: `Đã xuất báo cáo điểm cầu: ${file.path}` });
    });
  const exportPackage = () =>
    run(async () => {
      const file = await client.exportSitePackage({ meetingId, withAttendees });
      if (file) toast({ text: `Đã xuất gói gửi các điểm cầu: ${file.path}` });
    });
  const pickReports = () =>
    run(async () => {
      const picked = await client.previewSiteReports({ meetingId });
      setTakeSite(new Set());
      setPending(picked);
    });
  const merge = () =>
    run(async () => {
      if (!pending) return;
      const { merged, undoToken } = await ops.mergeSiteReports(pending.token, [...takeSite]);
      setPending(null);
      toast({
        text: `Đã nhập: ${merged.summary}`,
        action: undoToken
          ? {
              label: 'Hoàn tác',
              run: () =>
                void ops.undoMerge(undoToken).then(
                  () => toast({ text: 'Đã hoàn tác lần nhập báo cáo điểm cầu.' }),
                  (error: unknown) => toast({ text: errorMessage(error), tone: 'error' }),
                ),
            }
          : undefined,
      });
    });
  const toggle = (uuid: string) =>
    setTakeSite((set) => {
      const next = new Set(set);
      if (next.has(uuid)) next.delete(uuid);
      else next.add(uuid);
      return next;
    });

  const refused = pending?.preview.reports.filter((report) => report.refused) ?? [];
  return (
    <>
      <div className="export-card site-reports">
        <p className="muted">Báo cáo điểm cầu: thành phần dự và phát biểu tại một điểm cầu, gửi về điểm cầu chính để nhập vào hội nghị.</p>
        {bound ? (
          <p>
            Máy này ghi cho điểm cầu <strong>{bound.name || '(Chưa có tên)'}</strong> (mở từ gói của điểm cầu chính).
          </p>
        ) : (
          <SitePicker
            label="Điểm cầu của báo cáo"
            sites={record.sites}
            value={record.sites.find((site) => site.id === chosenSite)}
            onChange={(site) => setSiteId(site.id)}
          />
        )}
        <button type="button" disabled={chosenSite === null} onClick={() => void exportReport()}>
          Xuất báo cáo điểm cầu
        </button>
        {bound ? null : (
          <>
            <button type="button" onClick={() => void pickReports()}>
              Nhập báo cáo điểm cầu…
            </button>
            <label className="check">
              <input type="checkbox" checked={withAttendees} onChange={(e) => setWithAttendees(e.target.checked)} />
              {' Kèm danh sách đại biểu dự kiến của từng điểm cầu'}
            </label>
            <button type="button" disabled={record.sites.length === 0} onClick={() => void exportPackage()}>
              Xuất gói gửi các điểm cầu
            </button>
          </>
        )}
      </div>
      {pending ? (
        <section className="merge-preview" role="dialog" aria-label="Xem trước khi nhập báo cáo điểm cầu">
          <h3>Xem trước khi nhập</h3>
          <p role="status">{pending.preview.summary}</p>
          {pending.preview.reports.map((report) => (
            <div key={report.file} className="merge-report">
              <h4>
                {report.siteName || report.file} <span className="muted">({report.file})</span>
              </h4>
              {report.refused ? (
                <p className="field-error">{report.refused}</p>
              ) : (
                <ul>
                  {report.records
                    .filter((r) => r.outcome !== 'unchanged')
                    .map((r) => (
                      <li key={r.uuid}>
                        <strong>{OUTCOME_LABELS[r.outcome]}</strong>: {r.label}
                        {r.differences.length > 0 ? (
                          <table className="merge-differences">
                            <thead>
                              <tr>
                                <th>Thông tin</th>
                                <th>Ở điểm cầu chính</th>
                                <th>Ở điểm cầu</th>
                              </tr>
                            </thead>
                            <tbody>
                              {r.differences.map((d) => (
                                <tr key={d.field}>
                                  <td>{capitalized(d.field)}</td>
                                  <td>{d.central}</td>
                                  <td>{d.site}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        ) : null}
                        {r.outcome === 'conflict' ? (
                          <label>
                            <input type="checkbox" checked={takeSite.has(r.uuid)} onChange={() => toggle(r.uuid)} />
                            {` Lấy giá trị của điểm cầu cho ${r.label}`}
                          </label>
                        ) : null}
                      </li>
                    ))}
                </ul>
              )}
            </div>
          ))}
          {refused.length > 0 ? (
            <p className="field-error" role="alert">
              {refused.length === pending.preview.reports.length
                ? 'Mọi báo cáo đều bị từ chối: không có gì để nhập.'
                : `${refused.length} báo cáo bị từ chối sẽ không được nhập (tệp của chúng giữ nguyên); các báo cáo khác vẫn nhập được.`}
            </p>
          ) : null}
          <div className="row">
            <button type="button" className="primary" disabled={refused.length === pending.preview.reports.length} onClick={() => void merge()}>
              Nhập các báo cáo
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Hủy
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
