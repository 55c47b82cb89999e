// The names of the contract's channels (shared/api.ts checks it has exactly these) and of the menu's commands.
export const CHANNELS = [
  'listMeetings', 'getMeeting', 'createMeeting', 'updateMeeting', 'deleteMeeting', 'undoDelete', 'listDeleted', 'restoreDeleted',
  'suggestNumber',
  'addItem', 'addItems', 'updateItem', 'removeItem', 'undoRemove', 'moveItem', 'markAllPresent', 'sortAttendees',
  'suggestPeople', 'rememberPerson', 'getProfile', 'updateProfile',
  'previewDocument', 'exportDocument', 'exportMeetingFile', 'importMeetingFile',
  'listBackups', 'backupStatus', 'backupNow', 'addBackupFile', 'backupContents', 'restoreBackup',
  'search', 'readAttendeeFile',
  'startRecording', 'appendAudio', 'stopRecording', 'listAudio', 'readAudio', 'deleteAudio',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Commands of the application menu, sent to the page. */
export const APP_COMMANDS = ['new-meeting', 'import-meeting', 'show-meetings', 'show-settings', 'export-minutes'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
export const COMMAND_CHANNEL = 'app-command';
