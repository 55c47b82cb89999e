// The names of the contract's channels (shared/api.ts checks it has exactly these) and of the menu's commands.
export const CHANNELS = [
  'listMeetings', 'getMeeting', 'createMeeting', 'updateMeeting', 'deleteMeeting', 'undoDelete', 'listDeleted', 'restoreDeleted',
  'suggestNumber',
  'addItem', 'addItems', 'updateItem', 'removeItem', 'undoRemove', 'moveItem', 'markAllPresent', 'sortAttendees',
  'startQueued', 'stampMeeting',
  'suggestPeople', 'rememberPerson', 'getProfile', 'updateProfile',
  'previewDocument', 'exportDocument', 'printDocument', 'exportMeetingFile', 'importMeetingFile',
  'exportSiteReport', 'previewSiteReports', 'mergeSiteReports', 'undoMerge',
  'exportSitePackage', 'readSitePackage', 'openSitePackage', 'reportSite',
  'listBackups', 'backupStatus', 'backupNow', 'addBackupFile', 'backupContents', 'restoreBackup',
  'search', 'readAttendeeFile', 'readWordFile', 'readSiteFile', 'importSites',
  'deletionImpact', 'eraseDeleted',
  'securityStatus', 'unlock', 'encryptStore', 'changePassphrase', 'decryptStore', 'showRecoveryKey', 'deletePlainCopies', 'rememberKey', 'rekeyBackups',
  'startRecording', 'appendAudio', 'stopRecording', 'listAudio', 'readAudio', 'deleteAudio', 'audioInBackups', 'setAudioInBackups',
] as const;

/** Channels answered while the store is locked (or being moved): the others wait for an open store. */
export const SECURITY_CHANNELS = ['securityStatus', 'unlock', 'encryptStore', 'changePassphrase', 'decryptStore', 'showRecoveryKey', 'deletePlainCopies', 'rememberKey', 'rekeyBackups'] as const;
export type SecurityChannel = (typeof SECURITY_CHANNELS)[number];
export type Channel = (typeof CHANNELS)[number];

/** Commands of the application menu, sent to the page. */
export const APP_COMMANDS = ['new-meeting', 'import-meeting', 'show-meetings', 'show-settings', 'export-minutes', 'print-document'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
export const COMMAND_CHANNEL = 'app-command';
