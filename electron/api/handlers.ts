// What each channel of the contract does, over the store. No Electron here: dialogs and documents
// come in as dependencies, so the test bridge can run the very same handlers.
import { randomUUID } from 'node:crypto';
import type { ListName, Preview } from '../../shared/api.ts';
import { AppError } from '../../shared/errors.ts';
import type { Format } from '../../shared/model/meeting.ts';
import type { MeetingFile } from '../../shared/model/meeting-file.ts';
import { readAttendeeFile } from '../services/attendee-file.ts';
import { addBackupFile, backupMeetings, backupPath, backupToFolder, listBackups, restoreFromBackup } from '../services/backups.ts';
import { safeFileName } from '../services/files.ts';
import { exportMeetingFile, importMeeting, importMeetingFile, toMeetingFile } from '../services/meeting-file.ts';
import { createMeeting, getMeetingRecord, markAllPresent, sortAttendees } from '../services/meetings.ts';
import type { Store } from '../store/index.ts';
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
  writeDocx(store: Store, options: DocumentOptions, target: string): Promise<void>;
}

const MEETING_FILTER: FileFilter = { name: 'Tệp hội nghị Biên Bản', extensions: ['json'] };
const BACKUP_FILTER: FileFilter = { name: 'Bản sao lưu Biên Bản', extensions: ['sqlite'] };
const WORD_FILTER: FileFilter = { name: 'Văn bản Word', extensions: ['docx'] };
const ATTENDEE_FILTER: FileFilter = { name: 'Danh sách đại biểu (CSV, Excel)', extensions: ['csv', 'xlsx'] };

export interface HandlerOptions {
  /** The automatic backups' folder; without it (a store in memory) the backup channels refuse. */
  backupsDir?: string | undefined;
}

export function createHandlers(store: Store, dialogs: Dialogs, documents: Documents, options: HandlerOptions = {}): Handlers {
  const backupsDir = () => {
    if (!options.backupsDir) throw new AppError('NOT_FOUND', 'Không có thư mục sao lưu cho cơ sở dữ liệu này.');
    return options.backupsDir;
  };
  const deleted = new Map<string, MeetingFile>();
  const lists = (list: ListName) => store[list];

  return {
    listMeetings: () => store.meetings.list(),
    getMeeting: ({ id }) => getMeetingRecord(store, id),
    createMeeting: ({ fields, copyFrom }) => createMeeting(store, fields, { copyFrom }),
    updateMeeting: ({ id, patch }) => store.meetings.update(id, patch),
    deleteMeeting: ({ id }) => {
      const file = toMeetingFile(getMeetingRecord(store, id));
      store.meetings.remove(id);
      const undoToken = randomUUID();
      deleted.set(undoToken, file);
      return { undoToken };
    },
    undoDelete: ({ undoToken }) => {
      const file = deleted.get(undoToken);
      if (!file) throw new AppError('NOT_FOUND', 'Không còn bản sao để khôi phục hội nghị đã xóa.');
      const id = importMeeting(store, file);
      deleted.delete(undoToken);
      return id;
    },
    suggestNumber: ({ meetingId, kind }) => {
      const meeting = store.meetings.get(meetingId);
      const scope = meeting.format === 'party' ? meeting.term : (meeting.date ?? new Date().toISOString()).slice(0, 4);
      return store.meetings.suggestNumber(kind === 'minutes' ? 'BB' : 'TB', meeting.format, scope);
    },

    addItem: ({ list, meetingId, values, position }) => lists(list).add(meetingId, values, position),
    addItems: ({ list, meetingId, rows }) => store.transaction(() => rows.map((row) => lists(list).add(meetingId, row))),
    updateItem: ({ list, id, patch }) => lists(list).update(id, patch),
    removeItem: ({ list, id }) => {
      lists(list).remove(id);
      return null;
    },
    moveItem: ({ list, id, position }) => {
      lists(list).move(id, position);
      return null;
    },
    markAllPresent: ({ siteId }) => markAllPresent(store, siteId),
    sortAttendees: ({ siteId, order }) => sortAttendees(store, siteId, order),

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
      await documents.writeDocx(store, options, path);
      return { path };
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
    backupNow: async () => {
      const folder = await dialogs.chooseFolder({ title: 'Chọn thư mục để lưu bản sao lưu' });
      return folder ? { path: await backupToFolder(store.db, folder) } : null;
    },
    addBackupFile: async () => {
      const path = await dialogs.openFile({ title: 'Mở bản sao lưu (ví dụ trên USB)', filters: [BACKUP_FILTER] });
      return path ? addBackupFile(backupsDir(), path) : null;
    },
    backupContents: ({ name }) => backupMeetings(backupPath(backupsDir(), name)),
    restoreBackup: ({ name, meetingId }) => restoreFromBackup(store, backupsDir(), backupPath(backupsDir(), name), meetingId),
  };
}
