// The recording channels: a meeting's parts, written and read through the audio store; each speech's clip
// worked out from its times on every call (shared/audio.ts), never stored.
import { speechClips } from '../../shared/audio.ts';
import { AppError } from '../../shared/errors.ts';
import { audioInBackups, setAudioInBackups } from '../audio/backup.ts';
import type { AudioStore } from '../audio/store.ts';
import type { Store } from '../store/index.ts';
import type { Handlers } from './dispatch.ts';

type AudioChannel = 'startRecording' | 'appendAudio' | 'stopRecording' | 'listAudio' | 'readAudio' | 'deleteAudio' | 'audioInBackups' | 'setAudioInBackups';

export function audioHandlers(store: Store, audio: AudioStore | undefined): Pick<Handlers, AudioChannel> {
  /** The audio store, after checking the meeting exists (and is not in the trash). */
  const of = (meetingId: number): AudioStore => {
    store.meetings.get(meetingId);
    if (!audio) throw new AppError('NOT_FOUND', 'Cơ sở dữ liệu này không có thư mục ghi âm.');
    return audio;
  };
  return {
    startRecording: ({ meetingId }) => of(meetingId).start(meetingId),
    appendAudio: ({ meetingId, part, chunk, endMs }) => {
      of(meetingId).append(meetingId, part, chunk, endMs);
      return null;
    },
    stopRecording: ({ meetingId, part }) => of(meetingId).stop(meetingId, part),
    listAudio: ({ meetingId }) => {
      const parts = of(meetingId).list(meetingId);
      return { parts, clips: speechClips(store.speeches.list(meetingId), parts) };
    },
    readAudio: ({ meetingId, part, fromMs, toMs }) =>
      fromMs === undefined ? of(meetingId).read(meetingId, part) : of(meetingId).readRange(meetingId, part, fromMs, toMs ?? 24 * 3_600_000),
    deleteAudio: ({ meetingId }) => of(meetingId).remove(meetingId),
    audioInBackups: () => audioInBackups(store.db),
    setAudioInBackups: ({ include }) => setAudioInBackups(store.db, include),
  };
}
