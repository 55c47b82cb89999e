// What each channel of the contract does, over the store. No Electron here: dialogs and documents
// come in as dependencies, so the test bridge can run the very same handlers.
import { randomUUID } from 'node:crypto';
import type { ListName, Preview } from '../../shared/api.ts';
import type { BackupStatus } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import type { Format } from '../../shared/model/meeting.ts';
import { readAttendeeFile } from '../services/attendee-file.ts';
import { addBackupFile, backupMeetings, backupPath, backupToFolder, listBackups, restoreFromBackup } from '../services/backups.ts';
import { safeFileName } from '../services/files.ts';
import { exportMeetingFile, importMeetingFile } from '../services/meeting-file.ts';
import { createMeeting, getMeetingRecord, markAllPresent, sortAttendees } from '../services/meetings.ts';
import { deleteMeeting, restoreDeleted } from '../services/trash.ts';
import { removeRow, restoreRow, type RemovedRow } from '../services/removal.ts';
import type { AudioStore } from '../audio/store.ts';
import type { Store } from '../store/index.ts';
import { audioHandlers } from './audio-handlers.ts';
import { REMOVAL_CHANGES } from '../store/lists.ts';
import { changeOf } from './change.ts';
import type { Handlers } from './dispatch.ts';

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
  kind: 'minutes' | 'notice';
  format?: Format | undefined;
}

/** The minutes and the notice: their HTML preview and their Word file. */
export interface Documents {
  preview(store: Store, options: DocumentOptions): Preview;
  /** Returns what printed as "…" because the meeting lacks it. */
  writeDocx(store: Store, options: DocumentOptions, target: string): Promise<{ missing: string[] }>;
}

const MEETING_FILTER: FileFilter = { name: 'Tệp hội nghị Biên Bản', extensions: ['json'] };
const BACKUP_FILTER: FileFilter = { name: 'Bản sao lưu Biên Bản', extensions: ['sqlite'] };
const WORD_FILTER: FileFilter = { name: 'Văn bản Word', extensions: ['docx'] };
const ATTENDEE_FILTER: FileFilter = { name: 'Danh sách đại biểu (CSV, Excel)', extensions: ['csv', 'xlsx'] };

export interface HandlerOptions {
  /** The automatic backups' folder; without it (a store in memory) the backup channels refuse. */
  backupsDir?: string | undefined;
  /** The automatic backups' health (the app's AutoBackups); without it, nothing is reported. */
  backupStatus?: (() => BackupStatus) | undefined;
  /** The meetings' recordings; without it (a store in memory) the recording channels refuse. */
  audio?: AudioStore | undefined;
}

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

export function createHandlers(store: Store, dialogs: Dialogs, documents: Documents, options: HandlerOptions = {}): Handlers {
  const backupsDir = () => {
    if (!options.backupsDir) throw new AppError('NOT_FOUND', 'Không có thư mục sao lưu cho cơ sở dữ liệu này.');
    return options.backupsDir;
  };
  if (options.backupsDir) store.files.protectBackups(options.backupsDir);
  const removed = new Map<string, RemovedRow>();
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
    deleteMeeting: ({ id }) => {
      const undoToken = randomUUID();
      deleteMeeting(store, id, undoToken);
      return { undoToken };
    },
    undoDelete: ({ undoToken }) => restoreDeleted(store, store.trash.idOfToken(undoToken)),
    listDeleted: () => store.trash.list(),
    restoreDeleted: ({ id }) => restoreDeleted(store, id),
    suggestNumber: ({ meetingId, kind }) => {
      const meeting = store.meetings.get(meetingId);
      const scope = meeting.format === 'party' ? meeting.term : (meeting.date ?? new Date().toISOString()).slice(0, 4);
      return store.meetings.suggestNumber(kind === 'minutes' ? 'BB' : 'TB', meeting.format, scope);
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

    suggestPeople: ({ text }) => store.people.suggest(text),
    rememberPerson: ({ person }) => store.people.remember(person),

    getProfile: () => store.profile.get(),
    updateProfile: ({ patch }) => store.profile.update(patch),

    previewDocument: (options) => documents.preview(store, options),
    exportDocument: async (options) => {
      const meeting = store.meetings.get(options.meetingId);
      const prefix = options.kind === 'minutes' ? 'Biên bản' : 'Thông báo kết luận';
      const path = await dialogs.saveFile({
        title: options.kind === 'minutes' ? 'Xuất biên bản' : 'Xuất thông báo kết luận',
        defaultName: safeFileName(`${prefix} ${meeting.date ?? ''} ${meeting.title}`, 'docx'),
        filters: [WORD_FILTER],
      });
      if (!path) return null;
      const { missing } = await documents.writeDocx(store, options, path);
      return { path, missing };
    },
    exportMeetingFile: async ({ id }) => {
      const meeting = store.meetings.get(id);
      const path = await dialogs.saveFile({
        title: 'Xuất tệp hội nghị',
        defaultName: safeFileName(`Hội nghị ${meeting.date ?? ''} ${meeting.title}`, 'json'),
        filters: [MEETING_FILTER],
      });
      if (!path) return null;
      exportMeetingFile(store, id, path);
      return { path };
    },
    importMeetingFile: async () => {
      const path = await dialogs.openFile({ title: 'Nhập tệp hội nghị', filters: [MEETING_FILTER] });
      return path ? { meetingId: importMeetingFile(store, path) } : null;
    },

    search: ({ query }) => store.search.search(query),
    readAttendeeFile: async () => {
      const path = await dialogs.openFile({ title: 'Nhập danh sách đại biểu', filters: [ATTENDEE_FILTER] });
      return path ? readAttendeeFile(path) : null;
    },

    listBackups: () => listBackups(backupsDir()),
    backupStatus: () => options.backupStatus?.() ?? { lastGood: null, failure: null },
    backupNow: async () => {
      const folder = await dialogs.chooseFolder({ title: 'Chọn thư mục để lưu bản sao lưu' });
      return folder ? { path: await backupToFolder(store.db, folder, store.files) } : null;
    },
    addBackupFile: async () => {
      const path = await dialogs.openFile({ title: 'Mở bản sao lưu (ví dụ trên USB)', filters: [BACKUP_FILTER] });
      return path ? addBackupFile(backupsDir(), path, store.files) : null;
    },
    backupContents: ({ name }) => backupMeetings(backupPath(backupsDir(), name)),
    restoreBackup: ({ name, meetingId }) => restoreFromBackup(store, backupsDir(), backupPath(backupsDir(), name), meetingId),
    ...audioHandlers(store, options.audio),
  };
}
