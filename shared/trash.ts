// Deleted meetings: kept, whole, for 30 days, and restorable from the meetings list.

import type { Confidentiality } from './model/meeting.ts';

export const TRASH_DAYS = 30;

export interface DeletedMeeting {
  /** Id of the entry in the trash (not of the meeting, which no longer exists). */
  id: number;
  title: string;
  date: string | null;
  /** MẬT, TỐI MẬT…: an entry in the trash is still a copy of the meeting. */
  confidentiality: Confidentiality;
  /** ISO time of the deletion. */
  deletedAt: string;
  /** ISO time after which the entry is removed for good. */
  expiresAt: string;
}
