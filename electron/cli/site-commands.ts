// The command line's many-sites commands: the centre's package for the sites, a site opening it and exporting its
// report, and the centre's merge of the reports (the summary, each refusal and conflict on stderr).
import { AppError } from '../../shared/errors.ts';
import { fold } from '../../shared/vietnamese/fold.ts';
import { exportSitePackage, openSitePackage, readSitePackage, summarizePackage } from '../services/site-package.ts';
import { mergeReports, readReports, reportFiles } from '../services/site-merge.ts';
import { exportSiteReport } from '../services/site-report.ts';
import type { Store } from '../store/index.ts';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** Exit code of a merge that left conflicts for the secretary to choose. */
export const CHOICES_REMAIN = 3;
/** Exit code of a merge that merged what it could and refused some reports (none left conflicts). */
export const REPORTS_REFUSED = 4;

export function packageCommand(store: Store, meetingId: number, file: string, io: Io, options: { withAttendees: boolean; plain: boolean }): void {
  exportSitePackage(store, meetingId, file, { withAttendees: options.withAttendees, confirmed: options.plain });
  const sites = store.sites.list(meetingId).length;
  io.out(`Đã xuất gói hội nghị ${meetingId} gửi ${sites} điểm cầu ra ${file}${options.withAttendees ? ' (kèm đại biểu dự kiến)' : ''}.`);
}

/** Opens a package as a meeting bound to the site of that name; prints the new meeting's id. */
export function openPackageCommand(store: Store, file: string, siteName: string, io: Io): void {
  const pack = readSitePackage(file);
  const matches = summarizePackage(pack).sites.filter((site) => fold(site.name) === fold(siteName));
  if (matches.length !== 1) {
    throw new AppError(
      'INVALID_INPUT',
      matches.length === 0
        ? `Gói hội nghị không có điểm cầu “${siteName}”.`
        : `Gói hội nghị có ${matches.length} điểm cầu cùng tên “${siteName}”; hãy mở bằng ứng dụng để chọn.`,
    );
  }
  io.out(String(openSitePackage(store, pack, matches[0]?.uuid ?? '')));
}

/** The report of the meeting's bound site (opened from a package), or of the site named with --site. */
export function siteReportCommand(store: Store, meetingId: number, file: string, io: Io, siteName: string | undefined): void {
  const sites = store.sites.list(meetingId);
  const siteId = siteName === undefined ? store.bulk.reportSite(meetingId) : (sites.find((site) => fold(site.name) === fold(siteName))?.id ?? null);
  if (siteId === null) {
    throw new AppError(
      'INVALID_INPUT',
      siteName === undefined ? 'Hội nghị này không mở từ gói của một điểm cầu; hãy ghi --site "<tên điểm cầu>".' : `Hội nghị không có điểm cầu “${siteName}”.`,
    );
  }
  exportSiteReport(store, siteId, file);
  io.out(`Đã xuất báo cáo điểm cầu ${sites.find((site) => site.id === siteId)?.name ?? ''} ra ${file}.`);
}

export function mergeCommand(store: Store, meetingId: number, paths: readonly string[], io: Io): number {
  const merged = mergeReports(store, meetingId, readReports(reportFiles(paths)));
  for (const report of merged.reports) {
    if (report.refused) io.err(`Bị từ chối — ${report.file}: ${report.refused}`);
    for (const record of report.records.filter((r) => r.outcome === 'conflict')) {
      const differences = record.differences.map((d) => `${d.field}: trung tâm “${d.central}”, điểm cầu “${d.site}”`).join('; ');
      io.err(`Khác biệt — ${report.file}, ${report.siteName}, ${record.label}: ${differences}`);
    }
  }
  io.out(merged.summary);
  if (merged.totals.conflict > 0) return CHOICES_REMAIN;
  return merged.totals.refused > 0 ? REPORTS_REFUSED : 0;
}
