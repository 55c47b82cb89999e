// What each channel of the contract does, over the store. No Electron here: dialogs and documents
// come in as dependencies, so the test bridge can run the very same handlers.
import { randomUUID } from 'node:crypto';
import type { ListName, PassphraseNeeded, Preview, PrintedDocument, WordTarget } from '../../shared/api.ts';
import type { BackupStatus } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import { DOCUMENTS, OUTPUTS, type DocumentKind, type DocumentOutput } from '../../shared/documents.ts';
import type { Format } from '../../shared/model/meeting.ts';
import type { SitePackage } from '../../shared/model/site-package.ts';
import { readAttendeeFile } from '../services/attendee-file.ts';
import { readWordFile } from '../services/word-file.ts';
import { startQueued, stampMeeting } from '../services/live.ts';
import { readSiteFile } from '../services/site-file.ts';
import { importSites, knownSites } from '../services/site-list.ts';
import { backupsHolding, purgeFromBackups, type MeetingOrigin } from '../services/backup-purge.ts';
import { addBackupFile, backupMeetings, backupPath, backupToFolder, listBackups, restoreFromBackup } from '../services/backups.ts';
import { safeFileName } from '../services/files.ts';
import { checkPlainExport, exportMeetingFile, exportSealedMeetingFile, importAnyMeetingFile } from '../services/meeting-file.ts';
import type { MergeUndo } from '../store/bulk-merge.ts';
import { mergeReports, previewMerge, readReports, reportFiles } from '../services/site-merge.ts';
import { exportSiteReport } from '../services/site-report.ts';
import { exportSitePackage, openSitePackage, readSitePackage, summarizePackage } from '../services/site-package.ts';
import { createMeeting, getMeetingRecord, markAllPresent, sortAttendees } from '../services/meetings.ts';
import { deleteMeeting, eraseDeleted, eraseMeeting, restoreDeleted } from '../services/trash.ts';
import { removeRow, restoreRow, type RemovedRow } from '../services/removal.ts';
import { backupAudio } from '../audio/backup.ts';
import type { AudioStore } from '../audio/store.ts';
import type { Store } from '../store/index.ts';
import { audioHandlers } from './audio-handlers.ts';
import { REMOVAL_CHANGES } from '../store/lists.ts';
import { changeOf } from './change.ts';
import type { StoreHandlers } from './dispatch.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native file dialogs; each returns null when the user cancels. */
export interface Dialogs {
  saveFile(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFolder(options: { title: string }): Promise<string | null>;
}

export interface DocumentOptions {
  meetingId: number;
  kind: DocumentKind;
  format?: Format | undefined;
}

/** The documents of shared/documents.ts: their HTML preview, their files, their printing. */
export interface Documents {
  preview(store: Store, options: DocumentOptions): Preview;
  /** Returns what printed as "…" because the meeting lacks it. */
  write(store: Store, options: DocumentOptions & { output: DocumentOutput }, target: string): Promise<{ missing: string[] }>;
  print(store: Store, options: DocumentOptions): Promise<PrintedDocument>;
}

const MEETING_FILTER: FileFilter = { name: 'Tệp hội nghị Biên Bản', extensions: ['json'] };
const BACKUP_FILTER: FileFilter = { name: 'Bản sao lưu Biên Bản', extensions: ['sqlite'] };
const WORD_FILTER: FileFilter = { name: OUTPUTS.docx.filter, extensions: [OUTPUTS.docx.extension] };
const WORD_TARGET_WORDS: Record<WordTarget, string> = {
  speech: 'phát biểu',
  conclusion: 'kết luận',
  content: 'nội dung hội nghị',
  documents: 'tài liệu sử dụng trong hội nghị',
};
const ATTENDEE_FILTER: FileFilter = { name: 'Danh sách đại biểu (CSV, Excel)', extensions: ['csv', 'xlsx'] };
const SITE_FILTER: FileFilter = { name: 'Danh sách điểm cầu (CSV, Excel)', extensions: ['csv', 'xlsx'] };

export interface HandlerOptions {
  /** The automatic backups' folder; without it (a store in memory) the backup channels refuse. */
  backupsDir?: string | undefined;
  /** The automatic backups' health (the app's AutoBackups); without it, nothing is reported. */
  backupStatus?: (() => BackupStatus) | undefined;
  /** The meetings' recordings; without it (a store in memory) the recording channels refuse. */
  audio?: AudioStore | undefined;
}

/** The lists a merge of site reports writes. */
const MERGED_LISTS = ['sites', 'attendees', 'speeches'] as const;

/** What undo can bring back is kept for this session, the latest ones only. */
const UNDO_KEPT = 100;

function keep<T>(map: Map<string, T>, value: T): string {
  const token = randomUUID();
  map.set(token, value);
  for (const oldest of map.keys()) {
    if (map.size <= UNDO_KEPT) break;
    map.delete(oldest);
  }
  return token;
}

/**
 * A file picked in the dialog that turned out encrypted: kept by token for the retry with its passphrase
 * (the page never names a path itself). A wrong passphrase keeps it for another try.
 */
async function withPassphrase<T>(
  waiting: Map<string, string>,
  input: { token?: string | undefined; passphrase?: string | undefined },
  pick: () => Promise<string | null>,
  use: (path: string, passphrase: string | undefined) => Promise<T>,
): Promise<T | PassphraseNeeded | null> {
  const path = input.token === undefined ? await pick() : waiting.get(input.token);
  if (path === undefined) throw new AppError('NOT_FOUND', 'Không còn tệp đang chờ cụm mật khẩu; hãy chọn lại tệp.');
  if (path === null) return null;
  try {
    const result = await use(path, input.passphrase);
    if (input.token !== undefined) waiting.delete(input.token);
    return result;
  } catch (error) {
    if (error instanceof AppError && error.code === 'PASSPHRASE_NEEDED') {
      const token = input.token ?? keep(waiting, path);
      return { needsPassphrase: true, token, name: path.split(/[\\/]/).pop() ?? path };
    }
    throw error;
  }
}

export function createHandlers(store: Store, dialogs: Dialogs, documents: Documents, options: HandlerOptions = {}): StoreHandlers {
  const backupsDir = () => {
    if (!options.backupsDir) throw new AppError('NOT_FOUND', 'Không có thư mục sao lưu cho cơ sở dữ liệu này.');
    return options.backupsDir;
  };
  if (options.backupsDir) store.files.protectBackups(options.backupsDir);
  const removed = new Map<string, RemovedRow>();
  /** Report files previewed this session, until merged. */
  const previewed = new Map<string, { meetingId: number; files: string[] }>();
  /** Meeting packages read this session, until opened. */
  const packages = new Map<string, SitePackage>();
  /** Merges of site reports done this session, what undoes each. */
  const merges = new Map<string, MergeUndo>();
  const waiting = new Map<string, string>();
  /** Deleting for good reaches the automatic backups too (a store in memory has none). */
  const purge = async (origin: MeetingOrigin) => (options.backupsDir ? (await purgeFromBackups(options.backupsDir, store.key, origin)).purged.length : 0);
  const lists = (list: ListName) => store[list];
  /** The site's meeting, for writes named by a site. */
  const meetingOfSite = (siteId: number) => store.sites.get(siteId).meetingId;

  return {
    listMeetings: () => store.meetings.list(),
    getMeeting: ({ id }) => getMeetingRecord(store, id),
    createMeeting: ({ fields, copyFrom }) => createMeeting(store, fields, { copyFrom }),
    updateMeeting: ({ id, patch }) => {
      store.meetings.update(id, patch);
      return changeOf(store, id, [], true);
    },
    deleteMeeting: async ({ id, forGood }) => {
      if (forGood) return { undoToken: null, purged: await purge(eraseMeeting(store, id, options.audio)) };
      const undoToken = randomUUID();
      deleteMeeting(store, id, undoToken, new Date(), options.audio);
      return { undoToken, purged: 0 };
    },
    deletionImpact: ({ id }) => {
      const { confidentiality, createdAt } = store.meetings.get(id);
      // Counted only for a confidential meeting: the others are not offered deletion from the backups.
      const backups = confidentiality !== 'none' && options.backupsDir ? backupsHolding(options.backupsDir, store.key, { meetingId: id, createdAt }).length : 0;
      return { confidentiality, backups };
    },
    eraseDeleted: async ({ id }) => ({ purged: await purge(eraseDeleted(store, id, options.audio)) }),
    undoDelete: ({ undoToken }) => restoreDeleted(store, store.trash.idOfToken(undoToken), new Date(), options.audio),
    listDeleted: () => store.trash.list(),
    restoreDeleted: ({ id }) => restoreDeleted(store, id, new Date(), options.audio),
    suggestNumber: ({ meetingId, kind }) => {
      const meeting = store.meetings.get(meetingId);
      const scope = meeting.format === 'party' ? meeting.term : (meeting.date ?? new Date().toISOString()).slice(0, 4);
      const symbol = DOCUMENTS[kind].symbol;
      if (!symbol) throw new AppError('INVALID_INPUT', `${DOCUMENTS[kind].title} không có số văn bản.`);
      return store.meetings.suggestNumber(symbol, meeting.format, scope);
    },

    addItem: ({ list, meetingId, values, position }) => {
      const { id } = lists(list).add(meetingId, values, position);
      return { ...changeOf(store, meetingId, [list]), id };
    },
    addItems: ({ list, meetingId, rows }) => {
      const ids = store.transaction(() => rows.map((row) => lists(list).add(meetingId, row).id));
      return { ...changeOf(store, meetingId, [list]), ids };
    },
    updateItem: ({ list, id, patch }) => changeOf(store, lists(list).update(id, patch).meetingId, [list]),
    removeItem: ({ list, id }) => {
      const { meetingId, restorable } = removeRow(store, list, id);
      const undoToken = restorable ? keep(removed, restorable) : null;
      return { ...changeOf(store, meetingId, [list, ...REMOVAL_CHANGES[list]]), undoToken };
    },
    undoRemove: ({ undoToken }) => {
      const row = removed.get(undoToken);
      if (!row) throw new AppError('NOT_FOUND', 'Không còn bản sao để khôi phục dòng đã xóa.');
      const id = restoreRow(store, row);
      removed.delete(undoToken);
      return { ...changeOf(store, row.meetingId, [row.list, ...REMOVAL_CHANGES[row.list]]), id };
    },
    moveItem: ({ list, id, position }) => changeOf(store, lists(list).move(id, position).meetingId, [list]),
    markAllPresent: ({ siteId }) => {
      markAllPresent(store, siteId);
      return changeOf(store, meetingOfSite(siteId), ['attendees']);
    },
    sortAttendees: ({ siteId, order }) => {
      sortAttendees(store, siteId, order);
      return changeOf(store, meetingOfSite(siteId), ['attendees']);
    },
    startQueued: ({ queueId, at }) => {
      const { meetingId, id } = startQueued(store, queueId, at);
      return { ...changeOf(store, meetingId, ['speeches', 'queue']), id };
    },
    stampMeeting: ({ meetingId, which, at }) => {
      stampMeeting(store, meetingId, which, at);
      return changeOf(store, meetingId, ['speeches'], true);
    },

    suggestPeople: ({ text }) => store.people.suggest(text),
    rememberPerson: ({ person }) => store.people.remember(person),

    getProfile: () => store.profile.get(),
    updateProfile: ({ patch }) => store.profile.update(patch),

    previewDocument: (options) => documents.preview(store, options),
    exportDocument: async (options) => {
      const meeting = store.meetings.get(options.meetingId);
      const info = DOCUMENTS[options.kind];
      const output = OUTPUTS[options.output];
      const path = await dialogs.saveFile({
        title: `Xuất ${info.noun} (${output.label})`,
        defaultName: safeFileName(`${info.title} ${meeting.date ?? ''} ${meeting.title}`, output.extension),
        filters: [{ name: output.filter, extensions: [output.extension] }],
      });
      if (!path) return null;
      const { missing } = await documents.write(store, options, path);
      return { path, missing };
    },
    printDocument: (options) => documents.print(store, options),
    exportMeetingFile: async ({ id, passphrase, confirmPlain }) => {
      const meeting = store.meetings.get(id);
      // A confidential meeting's plain file is refused before any dialog, so the page asks first.
      if (passphrase === undefined) checkPlainExport(store, id, { confirmed: confirmPlain });
      const path = await dialogs.saveFile({
        title: 'Xuất tệp hội nghị',
        defaultName: safeFileName(`Hội nghị ${meeting.date ?? ''} ${meeting.title}`, 'json'),
        filters: [MEETING_FILTER],
      });
      if (!path) return null;
      if (passphrase === undefined) exportMeetingFile(store, id, path, { confirmed: confirmPlain });
      else await exportSealedMeetingFile(store, id, path, passphrase);
      return { path };
    },
    importMeetingFile: (input) =>
      withPassphrase(
        waiting,
        input,
        () => dialogs.openFile({ title: 'Nhập tệp hội nghị', filters: [MEETING_FILTER] }),
        async (path, passphrase) => ({ meetingId: await importAnyMeetingFile(store, path, passphrase) }),
      ),
    exportSiteReport: async ({ siteId }) => {
      const site = store.sites.get(siteId);
      const meeting = store.meetings.get(site.meetingId);
      const path = await dialogs.saveFile({
        title: 'Xuất báo cáo điểm cầu',
        defaultName: safeFileName(`Báo cáo ${site.name} ${meeting.date ?? ''} ${meeting.title}`, 'json'),
        filters: [MEETING_FILTER],
      });
      if (!path) return null;
      exportSiteReport(store, siteId, path);
      return { path };
    },
    exportSitePackage: async ({ meetingId, withAttendees, confirmPlain }) => {
      const meeting = store.meetings.get(meetingId);
      checkPlainExport(store, meetingId, { confirmed: confirmPlain });
      const path = await dialogs.saveFile({
        title: 'Xuất gói hội nghị gửi các điểm cầu',
        defaultName: safeFileName(`Gói gửi điểm cầu ${meeting.date ?? ''} ${meeting.title}`, 'json'),
        filters: [MEETING_FILTER],
      });
      if (!path) return null;
      exportSitePackage(store, meetingId, path, { withAttendees, confirmed: confirmPlain });
      return { path };
    },
    readSitePackage: async () => {
      const path = await dialogs.openFile({ title: 'Mở gói hội nghị của điểm cầu', filters: [MEETING_FILTER] });
      if (!path) return null;
      const pack = readSitePackage(path);
      return { token: keep(packages, pack), summary: summarizePackage(pack) };
    },
    openSitePackage: ({ token, siteUuid }) => {
      const pack = packages.get(token);
      if (!pack) throw new AppError('NOT_FOUND', 'Không còn gói hội nghị đã chọn; hãy mở lại tệp.');
      const meetingId = openSitePackage(store, pack, siteUuid);
      packages.delete(token);
      return { meetingId };
    },
    reportSite: ({ meetingId }) => store.bulk.reportSite(store.meetings.get(meetingId).id),
    previewSiteReports: async ({ meetingId }) => {
      store.meetings.get(meetingId);
      const folder = await dialogs.chooseFolder({ title: 'Chọn thư mục chứa các báo cáo điểm cầu' });
      if (!folder) return null;
      const files = reportFiles([folder]);
      const preview = previewMerge(store, meetingId, readReports(files));
      return { token: keep(previewed, { meetingId, files }), preview };
    },
    mergeSiteReports: ({ token, takeSite }) => {
      const chosen = previewed.get(token);
      if (!chosen) throw new AppError('NOT_FOUND', 'Không còn bản xem trước của các báo cáo này; hãy chọn lại thư mục báo cáo.');
      const { undo, ...merged } = mergeReports(store, chosen.meetingId, readReports(chosen.files), { takeSite: new Set(takeSite) });
      previewed.delete(token);
      const undoToken = undo ? keep(merges, undo) : null;
      return { ...changeOf(store, chosen.meetingId, MERGED_LISTS, true), merged, undoToken };
    },
    undoMerge: ({ undoToken }) => {
      const undo = merges.get(undoToken);
      if (!undo) throw new AppError('NOT_FOUND', 'Không còn thông tin để hoàn tác lần nhập báo cáo này.');
      store.bulk.unmerge(undo);
      merges.delete(undoToken);
      return changeOf(store, undo.meetingId, MERGED_LISTS, true);
    },

    search: ({ query }) => store.search.search(query),
    readAttendeeFile: async () => {
      const path = await dialogs.openFile({ title: 'Nhập danh sách đại biểu', filters: [ATTENDEE_FILTER] });
      return path ? readAttendeeFile(path) : null;
    },
    readWordFile: async ({ target }) => {
      const path = await dialogs.openFile({ title: `Lấy chữ từ tệp Word vào ${WORD_TARGET_WORDS[target]}`, filters: [WORD_FILTER] });
      return path ? readWordFile(path) : null;
    },
    readSiteFile: async ({ meetingId }) => {
      store.meetings.get(meetingId);
      const path = await dialogs.openFile({ title: 'Nhập danh sách điểm cầu', filters: [SITE_FILTER] });
      if (!path) return null;
      const file = await readSiteFile(path);
      return { ...file, existing: knownSites(store, meetingId, file.rows) };
    },
    importSites: ({ meetingId, sites }) => {
      const counts = importSites(store, meetingId, sites);
      return { ...changeOf(store, meetingId, ['sites']), ...counts };
    },

    listBackups: () => listBackups(backupsDir(), store.key),
    backupStatus: () => options.backupStatus?.() ?? { lastGood: null, failure: null },
    backupNow: async () => {
      const folder = await dialogs.chooseFolder({ title: 'Chọn thư mục để lưu bản sao lưu' });
      return folder ? { path: await backupToFolder(store.db, folder, store.files, new Date(), backupAudio(store, options.audio)) } : null;
    },
    addBackupFile: (input) =>
      withPassphrase(
        waiting,
        input,
        () => dialogs.openFile({ title: 'Mở bản sao lưu (ví dụ trên USB)', filters: [BACKUP_FILTER] }),
        (path, passphrase) => addBackupFile(backupsDir(), path, store.files, store.key, passphrase),
      ),
    backupContents: ({ name }) => backupMeetings(backupPath(backupsDir(), name), store.key),
    restoreBackup: ({ name, meetingId }) => restoreFromBackup(store, backupsDir(), backupPath(backupsDir(), name), meetingId, options.audio),
    ...audioHandlers(store, options.audio),
  };
}
