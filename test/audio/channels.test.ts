// The recording channels through dispatch, as the page calls them: input bounded and checked, meetings
// that exist only, and each speech's clip derived from its times (moving a speech moves its clip).
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { createHandlers } from '../../electron/api/handlers.ts';
import { createAudioStore } from '../../electron/audio/store.ts';
import { MAX_AUDIO_CHUNK } from '../../shared/audio.ts';
import { memoryStore, tempDir } from '../support/store.ts';

function setup() {
  const store = memoryStore();
  const dir = tempDir();
  // The part starts at 08:00:20 local time on 1 December 2026.
  const audio = createAudioStore(join(dir, 'audio'), store.files, { now: () => new Date(2026, 11, 1, 8, 0, 20).getTime() });
  const handlers = createHandlers(
    store,
    { saveFile: async () => null, openFile: async () => null, chooseFolder: async () => null },
    {
      preview: () => ({ html: '', css: '', missing: [], advice: [] }),
      write: async () => ({ missing: [] }),
      print: async () => {
        throw new Error('not printed here');
      },
    },
    { audio },
  );
  const call = async (channel: string, input: unknown) => dispatch(handlers, channel, input);
  const meetingId = store.meetings.create({ title: 'Hội nghị tổng kết' }).id;
  return { store, dir, audio, call, meetingId };
}

describe('recording channels', () => {
  it("records a part chunk by chunk and lists it with each speech's clip", async () => {
    const { call, store, meetingId } = setup();
    const first = store.speeches.add(meetingId, { speakerName: 'Nguyễn Văn An', startTime: '08:01', durationMinutes: 2 });
    const second = store.speeches.add(meetingId, { speakerName: 'Trần Thị Bình', startTime: '08:03' });
    const started = await call('startRecording', { meetingId });
    expect(started).toMatchObject({ ok: true, value: { part: 1, durationMs: 0 } });
    for (let s = 1; s <= 300; s++) {
      expect(await call('appendAudio', { meetingId, part: 1, chunk: new Uint8Array(400).fill(s % 256), endMs: s * 1_000 })).toEqual({ ok: true, value: null });
    }
    expect(await call('stopRecording', { meetingId, part: 1 })).toMatchObject({ ok: true, value: { durationMs: 300_000 } });
    const listed = await call('listAudio', { meetingId });
    expect(listed).toMatchObject({ ok: true, value: { parts: [{ part: 1, durationMs: 300_000, bytes: 32 + 300 * 412 }] } });
    // 08:01 is 40 s into a part started at 08:00:20; the first ends at 08:03, the second runs to the part's end (08:05:20).
    expect((listed as { value: { clips: unknown } }).value.clips).toEqual([
      { speechId: first.id, part: 1, startMs: 40_000, endMs: 160_000 },
      { speechId: second.id, part: 1, startMs: 160_000, endMs: 300_000 },
    ]);
    const sound = await call('readAudio', { meetingId, part: 1 });
    expect(sound.ok && (sound.value as Uint8Array).length).toBe(300 * 400);

    // Adjusting a speech's times moves its clip: nothing about the clip was stored.
    store.speeches.update(first.id, { startTime: '08:02', durationMinutes: 1 });
    const moved = await call('listAudio', { meetingId });
    expect((moved as { value: { clips: unknown[] } }).value.clips[0]).toEqual({ speechId: first.id, part: 1, startMs: 100_000, endMs: 160_000 });
  });

  it('refuses chunks that are too large, empty or not bytes, writing nothing', async () => {
    const { call, dir, meetingId } = setup();
    await call('startRecording', { meetingId });
    const partFile = join(dir, 'audio', String(meetingId), 'part-001.bba');
    for (const chunk of [new Uint8Array(MAX_AUDIO_CHUNK + 1), new Uint8Array(0), 'AAAA', [1, 2, 3], null]) {
      const result = await call('appendAudio', { meetingId, part: 1, chunk, endMs: 1_000 });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Yêu cầu không hợp lệ/) } });
    }
    for (const endMs of [-1, 1.5, 25 * 3_600_000]) {
      expect(await call('appendAudio', { meetingId, part: 1, chunk: new Uint8Array(10), endMs })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(await call('listAudio', { meetingId })).toMatchObject({ ok: true, value: { parts: [{ durationMs: 0, bytes: 32 }] } });
    expect(existsSync(partFile)).toBe(true);
    expect(await call('appendAudio', { meetingId, part: 1, chunk: new Uint8Array(MAX_AUDIO_CHUNK), endMs: 1_000 })).toEqual({ ok: true, value: null });
  });

  it('checks the meeting: none that does not exist, none in the trash, no folder made for it', async () => {
    const { call, dir, store, meetingId } = setup();
    for (const input of [{ meetingId: 999 }, { meetingId: 0 }, { meetingId: '1/../..' }, { meetingId: 1.5 }]) {
      const result = await call('startRecording', input);
      expect(result.ok).toBe(false);
    }
    expect(await call('startRecording', { meetingId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('appendAudio', { meetingId, part: 1, chunk: new Uint8Array(5), endMs: 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('deleteMeeting', { id: meetingId })).toMatchObject({ ok: true });
    expect(store.trash.list()).toHaveLength(1);
    expect(await call('startRecording', { meetingId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(existsSync(join(dir, 'audio')) ? readdirSync(join(dir, 'audio')) : []).toEqual([]);
  });

  it("deletes a meeting's audio only through its own channel", async () => {
    const { call, meetingId } = setup();
    await call('startRecording', { meetingId });
    await call('appendAudio', { meetingId, part: 1, chunk: new Uint8Array(5), endMs: 500 });
    expect(await call('deleteAudio', { meetingId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/dừng ghi âm/) } });
    await call('stopRecording', { meetingId, part: 1 });
    expect(await call('deleteAudio', { meetingId })).toEqual({ ok: true, value: 1 });
    expect(await call('listAudio', { meetingId })).toEqual({ ok: true, value: { parts: [], clips: [] } });
  });

  it('refuses recording on a store without an audio folder', async () => {
    const store = memoryStore();
    const handlers = createHandlers(
      store,
      { saveFile: async () => null, openFile: async () => null, chooseFolder: async () => null },
      {
        preview: () => ({ html: '', css: '', missing: [], advice: [] }),
        write: async () => ({ missing: [] }),
        print: async () => {
          throw new Error('not printed here');
        },
      },
    );
    const meetingId = store.meetings.create({}).id;
    expect(await dispatch(handlers, 'startRecording', { meetingId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/ghi âm/) },
    });
  });
});
