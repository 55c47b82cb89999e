// Playing a speech's clip while its text is edited: only the clip's stretch of its part is fetched from the
// main process (the recording's WebM header and the clusters around the clip, with LEAD_MS before it for going
// back), fed to a MediaSource (a blob URL the CSP allows as media) at the recording's own times, and played
// from the clip's start; back 5 s; speeds 0.75× to 2×.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Clip } from '../../../../shared/audio.ts';
import type { Speech } from '../../../../shared/model/meeting.ts';
import { chordOf, PLAYER_KEYS } from '../shortcuts.ts';
import { errorMessage } from '../../../api.ts';
import { useClient, useToast } from '../../../context.tsx';
import { RECORDING_TYPE } from './useRecorder.ts';

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;
export const BACK_MS = 5_000;
/** Sound fetched before a clip's start (room for going back) and after its end. */
export const LEAD_MS = 30_000;
const TAIL_MS = 3_000;

const once = (target: EventTarget, type: string) =>
  new Promise<void>((resolve, reject) => {
    target.addEventListener(type, () => resolve(), { once: true });
    target.addEventListener('error', () => reject(new Error('không đọc được âm thanh')), { once: true });
  });

/** The clip's sound in a MediaSource playing in a; the URL to revoke when another clip replaces it. */
async function load(a: HTMLAudioElement, bytes: Uint8Array): Promise<string> {
  const source = new MediaSource();
  const url = URL.createObjectURL(source);
  const opened = once(source, 'sourceopen');
  a.src = url;
  await opened;
  const buffer = source.addSourceBuffer(RECORDING_TYPE);
  const appended = once(buffer, 'updateend');
  buffer.appendBuffer(bytes as Uint8Array<ArrayBuffer>);
  await appended;
  return url;
}

/** The start of what is loaded (a jump back stops there). */
const loadedStart = (a: HTMLAudioElement) => (a.buffered.length > 0 ? a.buffered.start(0) : 0);

export interface PlayerState {
  speechId: number | null;
  playing: boolean;
  speed: number;
}

/** What the meeting has to play: whether it was recorded at all, and the speeches with a clip. */
export interface Recorded {
  any: boolean;
  speeches: ReadonlySet<number>;
}
const NOTHING_RECORDED: Recorded = { any: false, speeches: new Set() };

/**
 * The player of a meeting's clips. `speeches` and `revision` (a recording started or stopped) say when to ask the
 * store again which speeches have a clip: clips follow the speeches' times.
 */
export function useClipPlayer(meetingId: number, speeches: readonly Speech[], revision: number) {
  const client = useClient();
  const toast = useToast();
  const audio = useRef<HTMLAudioElement>(null);
  const url = useRef<string | null>(null);
  const clip = useRef<Clip | null>(null);
  const [state, setState] = useState<PlayerState>({ speechId: null, playing: false, speed: 1 });
  const [recorded, setRecorded] = useState<Recorded>(NOTHING_RECORDED);

  const times = useMemo(() => speeches.map((s) => `${s.id} ${s.startTime} ${s.endTime} ${s.durationMinutes}`).join('|'), [speeches]);
  useEffect(() => {
    let live = true;
    client.listAudio({ meetingId }).then(
      ({ parts, clips }) => {
        if (live) setRecorded({ any: parts.length > 0, speeches: new Set(clips.map((c) => c.speechId)) });
      },
      // No recordings folder (a database opened elsewhere): nothing to play.
      () => {
        if (live) setRecorded(NOTHING_RECORDED);
      },
    );
    return () => {
      live = false;
    };
  }, [client, meetingId, revision, times]);

  const element = () => {
    const a = audio.current;
    if (!a) throw new Error('the player is not on the page');
    return a;
  };

  // The element PlayerBar renders: its events are the player's state; a clip stops at its speech's end.
  useEffect(() => {
    const a = audio.current;
    if (!a) return;
    const onPlay = () => setState((s) => ({ ...s, playing: true }));
    const onPause = () => setState((s) => ({ ...s, playing: false }));
    const onTime = () => {
      if (clip.current && a.currentTime * 1000 >= clip.current.endMs) a.pause();
    };
    // The end of what was fetched (the part's end): waiting there is the clip's end.
    const onWaiting = () => {
      const end = a.buffered.length > 0 ? a.buffered.end(a.buffered.length - 1) : 0;
      if (a.currentTime >= end - 0.25) a.pause();
    };
    a.addEventListener('play', onPlay);
    a.addEventListener('pause', onPause);
    a.addEventListener('timeupdate', onTime);
    a.addEventListener('waiting', onWaiting);
    return () => {
      a.removeEventListener('play', onPlay);
      a.removeEventListener('pause', onPause);
      a.removeEventListener('timeupdate', onTime);
      a.removeEventListener('waiting', onWaiting);
    };
  }, []);

  useEffect(
    () => () => {
      audio.current?.pause();
      if (url.current) URL.revokeObjectURL(url.current);
      url.current = null;
    },
    [],
  );

  /** Plays the speech's clip from its start; false when the speech has none (nothing recorded then). */
  const play = useCallback(
    async (speechId: number): Promise<boolean> => {
      try {
        // Clips follow the speeches' times as stored now.
        const { clips } = await client.listAudio({ meetingId });
        const found = clips.find((c) => c.speechId === speechId);
        if (!found) {
          toast({ text: 'Không có bản ghi âm trong thời gian của phát biểu này.', tone: 'info' });
          return false;
        }
        const bytes = await client.readAudio({ meetingId, part: found.part, fromMs: Math.max(0, found.startMs - LEAD_MS), toMs: found.endMs + TAIL_MS });
        const a = element();
        a.pause();
        const previous = url.current;
        url.current = await load(a, bytes);
        if (previous) URL.revokeObjectURL(previous);
        clip.current = found;
        a.currentTime = Math.max(loadedStart(a), found.startMs / 1000);
        a.playbackRate = state.speed;
        setState((s) => ({ ...s, speechId }));
        await a.play();
        return true;
      } catch (error) {
        toast({ text: `Không phát được bản ghi âm: ${errorMessage(error)}`, tone: 'error' });
        return false;
      }
    },
    [client, meetingId, toast, state.speed],
  );

  const toggle = useCallback(
    async (speechId: number) => {
      const a = audio.current;
      if (a && state.speechId === speechId && clip.current) {
        if (a.paused) await a.play();
        else a.pause();
        return;
      }
      await play(speechId);
    },
    [play, state.speechId],
  );

  const back = useCallback(() => {
    const a = audio.current;
    if (a) a.currentTime = Math.max(loadedStart(a), a.currentTime - BACK_MS / 1000);
  }, []);

  const setSpeed = useCallback((step: 1 | -1) => {
    setState((s) => {
      const at = SPEEDS.indexOf(s.speed as (typeof SPEEDS)[number]);
      const speed = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + step))] ?? 1;
      if (audio.current) audio.current.playbackRate = speed;
      return { ...s, speed };
    });
  }, []);

  /** The player's keys (PLAYER_KEYS), which leave the caret in the text; true when the key was one of them. */
  const onKey = useCallback(
    (event: KeyboardEvent | ReactKeyboardEvent, speechId: number | null) => {
      const chord = chordOf(event);
      const action = (Object.keys(PLAYER_KEYS) as (keyof typeof PLAYER_KEYS)[]).find((name) => PLAYER_KEYS[name] === chord);
      if (!action) return false;
      event.preventDefault();
      if (action === 'toggle') {
        if (speechId !== null) void toggle(speechId);
      } else if (action === 'back') back();
      else setSpeed(action === 'faster' ? 1 : -1);
      return true;
    },
    [toggle, back, setSpeed],
  );

  return { state, recorded, play, toggle, back, setSpeed, onKey, audioRef: audio };
}

export type ClipPlayer = ReturnType<typeof useClipPlayer>;
export const SHORTCUTS_HINT = `Nghe lại: ${PLAYER_KEYS.toggle} nghe/dừng, ${PLAYER_KEYS.back} lùi 5 giây, ${PLAYER_KEYS.slower} chậm hơn, ${PLAYER_KEYS.faster} nhanh hơn.`;
