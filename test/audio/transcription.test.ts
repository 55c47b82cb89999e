// The transcription seam with a test engine: it gets the speech's part and clip, its text fills an empty
// speech, and never replaces what the secretary wrote.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAudioStore } from '../../electron/audio/store.ts';
import { transcribeSpeech, type Transcriber } from '../../electron/audio/transcription.ts';
import type { Clip } from '../../shared/audio.ts';
import { memoryStore, tempDir } from '../support/store.ts';

function setup() {
  const store = memoryStore();
  const audio = createAudioStore(join(tempDir(), 'audio'), store.files, { now: () => new Date(2026, 11, 1, 9, 0, 0).getTime() });
  const meetingId = store.meetings.create({ title: 'Giao ban' }).id;
  audio.start(meetingId);
  for (let s = 1; s <= 120; s++) audio.append(meetingId, 1, new Uint8Array([s]), s * 1_000);
  audio.stop(meetingId, 1);
  const heard: { sound: Uint8Array; clip: Clip }[] = [];
  const engine: Transcriber = {
    transcribe: async (sound, clip) => {
      heard.push({ sound, clip });
      return `Đoạn từ ${clip.startMs / 1000} đến ${clip.endMs / 1000} giây.`;
    },
  };
  return { store, audio, meetingId, heard, engine };
}

describe('transcription seam', () => {
  it("fills an empty speech's text from its clip", async () => {
    const { store, audio, meetingId, heard, engine } = setup();
    const speech = store.speeches.add(meetingId, { speakerName: 'Nguyễn Văn An', startTime: '09:01' });
    expect(await transcribeSpeech(store, audio, engine, speech.id)).toBe(true);
    expect(heard).toEqual([{ sound: audio.read(meetingId, 1), clip: { speechId: speech.id, part: 1, startMs: 60_000, endMs: 120_000 } }]);
    expect(store.speeches.get(speech.id).content).toBe('Đoạn từ 60 đến 120 giây.');
  });

  it('leaves a speech with text as written, and says when there is no clip', async () => {
    const { store, audio, meetingId, heard, engine } = setup();
    const written = store.speeches.add(meetingId, { speakerName: 'Trần Thị Bình', startTime: '09:00', content: 'Lời thư ký ghi.' });
    expect(await transcribeSpeech(store, audio, engine, written.id)).toBe(false);
    expect(store.speeches.get(written.id).content).toBe('Lời thư ký ghi.');
    const later = store.speeches.add(meetingId, { speakerName: 'Lê Văn Cường', startTime: '11:00' });
    await expect(transcribeSpeech(store, audio, engine, later.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(heard).toEqual([]);
  });
});
