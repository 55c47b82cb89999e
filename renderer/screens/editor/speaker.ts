// The speaker of a speech, picked from the attendees by a few letters. A pick (Enter, Tab or a click on
// a suggestion) stores the attendee; the letters typed are a search, never stored as the speaker. Text
// left in the field is stored only when it cannot mean an attendee: the exact name of one attendee is
// that attendee, text that matches no attendee is a speaker not on the list, and text that still
// matches some attendees waits for a pick (or for "Ghi … là người ngoài danh sách").
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fold } from '../../../shared/vietnamese/fold.ts';
import type { Speech } from '../../../shared/model/meeting.ts';
import { useTracker } from '../../context.tsx';
import { matchSpeakers, type AttendeeOption } from './attendee-views.ts';

/** What a speech stores about its speaker. */
export type SpeakerPatch = { attendeeId: number; speakerName: ''; speakerPosition: ''; speakerSite: '' } | { attendeeId: null; speakerName: string };

export interface Speaker {
  text: string;
  matches: AttendeeOption[];
  /** Text that matches attendees but was not picked (shown with what to do), or null. */
  unresolved: string | null;
  onText(text: string): void;
  pick(option: AttendeeOption): void;
  /** The field is left or the speech finished: store what the text means; false when it still waits for a pick. */
  settle(): boolean;
  /** Stores the text as a speaker who is not on the attendee list. */
  keepAsTyped(): void;
  /** True when no speaker is stored or waiting. */
  empty(): boolean;
  /** The speaker chosen is a name not on the attendee list (whose position is typed with the speech). */
  free: boolean;
  /** The same, read at once (after `settle()` in the same event). */
  isFree(): boolean;
}

/** The speaker is a name not on the attendee list (whose position is typed with the speech). */
export const isFreeSpeaker = (s: Pick<Speech, 'attendeeId' | 'speakerName'> | null): boolean => s !== null && s.attendeeId === null && s.speakerName !== '';

export function useSpeaker(speech: Speech | null, options: AttendeeOption[], save: (patch: SpeakerPatch) => void, onPicked?: () => void): Speaker {
  const tracker = useTracker();
  const labelOf = useCallback((id: number) => options.find((o) => o.id === id)?.label ?? '', [options]);
  const stored = speech ? (speech.attendeeId !== null ? labelOf(speech.attendeeId) : speech.speakerName) : '';
  const [text, setText] = useState(stored);
  const [unresolved, setUnresolved] = useState<string | null>(null);
  const [free, setFree] = useState(() => isFreeSpeaker(speech));
  // Read synchronously: a pick moves the focus, and the blur that follows must see the pick, not the letters typed.
  const live = useRef({ text: stored, committed: stored, pickedId: speech?.attendeeId ?? null });
  const latest = useRef({ options, save, onPicked });
  useEffect(() => {
    latest.current = { options, save, onPicked };
  });

  const commit = useCallback((patch: SpeakerPatch, shown: string) => {
    live.current = { text: shown, committed: shown, pickedId: patch.attendeeId };
    setText(shown);
    setUnresolved(null);
    setFree(isFreeSpeaker(patch));
    latest.current.save(patch);
  }, []);

  const pick = useCallback(
    (option: AttendeeOption) => {
      latest.current.onPicked?.();
      commit({ attendeeId: option.id, speakerName: '', speakerPosition: '', speakerSite: '' }, option.label);
    },
    [commit],
  );

  const settle = useCallback((): boolean => {
    const typed = live.current.text.trim();
    if (typed === live.current.committed.trim()) return true;
    if (!typed) {
      commit({ attendeeId: null, speakerName: '' }, '');
      return true;
    }
    const { options: all } = latest.current;
    const exact = all.filter((o) => fold(o.label) === fold(typed));
    if (exact.length === 1 && exact[0]) {
      pick(exact[0]);
      return true;
    }
    if (matchSpeakers(typed, all, 1).length > 0) {
      setUnresolved(typed);
      return false;
    }
    commit({ attendeeId: null, speakerName: typed }, typed);
    return true;
  }, [commit, pick]);

  // Until it is settled, the text is a draft the save tracker flushes (leaving the section, pagehide).
  const settleRef = useRef(settle);
  useEffect(() => {
    settleRef.current = settle;
  });
  const [flush] = useState(
    () =>
      function flushSpeaker(): boolean {
        tracker.unregister(flushSpeaker);
        return settleRef.current();
      },
  );
  // A composer going away (another speech opened) settles its text too.
  useEffect(
    () => () => {
      flush();
    },
    [flush],
  );

  const onText = useCallback(
    (next: string) => {
      live.current.text = next;
      setText(next);
      setUnresolved(null);
      if (next.trim() !== live.current.committed.trim()) tracker.register(flush);
      else tracker.unregister(flush);
    },
    [tracker, flush],
  );

  // A speaker stored from elsewhere (the attendee renamed) shows when nothing is being typed.
  useEffect(() => {
    if (live.current.text === live.current.committed && stored !== live.current.committed) {
      live.current = { ...live.current, text: stored, committed: stored };
      setText(stored);
    }
  }, [stored]);

  const matches = useMemo(() => {
    if (text === live.current.committed) return [];
    return matchSpeakers(text, options);
  }, [text, options]);

  return {
    text,
    matches,
    unresolved,
    onText,
    pick,
    settle: flush,
    keepAsTyped: () => {
      const typed = live.current.text.trim();
      if (typed) commit({ attendeeId: null, speakerName: typed }, typed);
    },
    empty: () => !live.current.text.trim() && !live.current.committed.trim(),
    free,
    isFree: () => live.current.pickedId === null && live.current.committed.trim() !== '',
  };
}
