// Recording a meeting in Debian's Chromium with a fake microphone (a WAV of tones and silences written
// here): Ghi âm, three speeches taken down from the keyboard, Dừng ghi âm; then the part on disk and each
// speech's clip are checked against the store, and Nghe on speech 2 starts playing at its offset.
// The page's clock and the part's start are set by the test (speech times are whole minutes, so the
// three speeches straddle a minute boundary a few seconds after the part starts).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAudioStore, type AudioStore } from '../../electron/audio/store.ts';
import { audioDirFor } from '../../electron/paths.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { speechClips } from '../../shared/audio.ts';
import { fakeMicrophone, toneWav } from '../support/wav.ts';
import { field, openApp, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị Ban Chấp hành mở rộng';

const at = (h: number, m: number, s: number) => new Date(2026, 11, 1, h, m, s);
const PART_START = at(8, 59, 57);

describe('recording a meeting', () => {
  let app: AppUnderTest;
  let audio: AudioStore | null = null;
  const wavDir = mkdtempSync(join(tmpdir(), 'bien-ban-wav-'));
  const wav = join(wavDir, 'micro.wav');

  beforeAll(async () => {
    writeFileSync(wav, toneWav());
    app = await openApp({
      prepare: (store) => {
        const id = createMeeting(store, { title: TITLE, date: '2026-12-01', startTime: '08:30', format: 'party' });
        const site = store.sites.add(id, { name: 'Hội trường tầng 3', level: 'central' });
        for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']) store.attendees.add(id, { siteId: site.id, fullName, positions: 'Ủy viên' });
      },
      chromiumArgs: fakeMicrophone(wav),
      audio: (store) => {
        audio = createAudioStore(audioDirFor(store.db.name), store.files, { now: () => PART_START.getTime() });
        return audio;
      },
    });
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
    rmSync(wavDir, { recursive: true, force: true });
  });

  it('records three speeches, stores the part and the clips, and plays speech 2 from its offset', async () => {
    const { page, store } = app;
    const meetingId = store.meetings.list()[0]?.id ?? 0;
    await page.clock.setFixedTime(at(8, 59, 58));
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.keyboard.press('Alt+4');
    const speaker = page.getByRole('combobox', { name: 'Người phát biểu' });
    await expect.poll(() => speaker.evaluate((input) => input === document.activeElement)).toBe(true);

    // Nothing recorded yet: nothing to listen to, no player.
    const listen = () => page.getByRole('button', { name: /^Nghe phát biểu/ });
    const speed = () => page.getByLabel('Tốc độ nghe');
    expect(await speed().count()).toBe(0);
    await page.getByRole('button', { name: 'Ghi âm', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đang ghi âm (phần 1)' }).waitFor();
    await expect.poll(() => page.getByRole('meter', { name: 'Mức âm thanh' }).evaluate((m) => (m as HTMLMeterElement).value)).toBeGreaterThan(0);

    const speech = async (initials: string, words: string) => {
      await speaker.click();
      await page.keyboard.type(initials);
      await page.keyboard.press('Enter');
      await page.keyboard.type(words);
      await page.keyboard.press('Control+Enter');
    };
    await speech('nva', 'Báo cáo tình hình thực hiện nhiệm vụ năm 2026.');
    await page.waitForTimeout(3_000);
    await page.clock.setFixedTime(at(9, 0, 2));
    await speech('ttb', 'Đề nghị bổ sung chỉ tiêu về chuyển đổi số.');
    await page.waitForTimeout(2_000);
    await page.clock.setFixedTime(at(9, 0, 5));
    await speech('lvc', 'Thống nhất với báo cáo.');
    await page.waitForTimeout(2_000);
    await page.getByRole('button', { name: 'Dừng ghi âm' }).click();
    await page.getByRole('button', { name: 'Ghi âm', exact: true }).waitFor();

    // The store: three speeches at 08:59, 09:00, 09:00; one part, WebM from its first byte, at least as long as the test waited.
    const speeches = store.speeches.list(meetingId);
    expect(speeches.map((s) => s.startTime)).toEqual(['08:59', '09:00', '09:00']);
    const parts = audio?.list(meetingId) ?? [];
    expect(parts).toHaveLength(1);
    const [part] = parts;
    expect(part).toMatchObject({ part: 1, startedAt: PART_START.getTime(), sealed: false });
    expect(part?.durationMs).toBeGreaterThanOrEqual(7_000);
    const sound = audio?.read(meetingId, 1) ?? new Uint8Array();
    expect(Buffer.from(sound.subarray(0, 4)).toString('hex')).toBe('1a45dfa3');
    expect(readFileSync(join(audioDirFor(store.db.name), String(meetingId), 'part-001.bba')).length).toBe(part?.bytes);
    // Each clip from the speeches as stored: speech 1 from the part's start to 09:00 (3 s in), the others from there to the end.
    const duration = part?.durationMs ?? 0;
    const expected = [
      { speechId: speeches[0]?.id, part: 1, startMs: 0, endMs: 3_000 },
      { speechId: speeches[1]?.id, part: 1, startMs: 3_000, endMs: duration },
      { speechId: speeches[2]?.id, part: 1, startMs: 3_000, endMs: duration },
    ];
    expect(speechClips(speeches, parts)).toEqual(expected);

    // Once the part is closed, each speech recorded has its Nghe, and the player is there.
    await expect.poll(() => listen().count()).toBe(3);
    expect(await speed().count()).toBe(1);

    // Nghe on speech 2: the player starts at its offset.
    await page.evaluate(() => {
      const element = document.querySelector('audio.clip-audio') as HTMLAudioElement & { firstPlayingAt?: number };
      element.addEventListener('playing', () => {
        element.firstPlayingAt ??= element.currentTime;
      });
    });
    await page.getByRole('button', { name: 'Nghe phát biểu 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Đang nghe phát biểu 2' }).waitFor();
    const startedAt = await page.locator('audio.clip-audio').evaluate(async (element: HTMLAudioElement & { firstPlayingAt?: number }) => {
      while (element.firstPlayingAt === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      return element.firstPlayingAt;
    });
    expect(startedAt).toBeGreaterThanOrEqual(2.9);
    expect(startedAt).toBeLessThan(3.5);

    // Faster from the speech text: the caret stays in it.
    const content = field(page, 'Nội dung phát biểu');
    await content.click();
    await page.keyboard.press('Alt+Period');
    await expect.poll(() => page.locator('audio.clip-audio').evaluate((element: HTMLAudioElement) => element.playbackRate)).toBe(1.25);
    expect(await content.evaluate((area) => area === document.activeElement)).toBe(true);
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('audio.clip-audio').evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);

    // A speech taken down after the recording stopped has nothing to play: no Nghe for it.
    await page.clock.setFixedTime(at(10, 30, 0));
    await speaker.click();
    await page.keyboard.type('nva');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bổ sung sau giờ giải lao.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => store.speeches.list(meetingId).map((s) => s.startTime)).toEqual(['08:59', '09:00', '09:00', '10:30']);
    await page.getByRole('button', { name: 'Sửa phát biểu 4' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nghe phát biểu 4' }).count()).toBe(0);
    expect(await listen().count()).toBe(3);
  });

  it('keeps the recording with the meeting through the trash: deleted, then restored after a reload', async () => {
    const { page, store, bridge } = app;
    const [meeting] = store.meetings.list();
    if (!meeting || !audio) throw new Error('no meeting or recording');
    const folder = (id: number) => join(audioDirFor(store.db.name), String(id));
    const before = readFileSync(join(folder(meeting.id), 'part-001.bba'));
    await page.goto(bridge.url);
    await page.getByRole('button', { name: `Xóa hội nghị ${meeting.title}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^Xóa/ }).click();
    await expect.poll(() => store.meetings.list().length).toBe(0);
    const [entry] = store.trash.list();
    const token = store.trash.origin(entry?.id ?? 0).token;
    expect(existsSync(folder(meeting.id))).toBe(false);
    expect(readFileSync(join(audioDirFor(store.db.name), 'deleted', token, 'part-001.bba'))).toEqual(before);

    await page.reload();
    await page.getByRole('button', { name: 'Hội nghị đã xóa…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hội nghị đã xóa' });
    await dialog.getByRole('button', { name: `Khôi phục hội nghị ${meeting.title}` }).click();
    await expect.poll(() => store.meetings.list().length).toBe(1);
    const [restored] = store.meetings.list();
    expect(readFileSync(join(folder(restored?.id ?? 0), 'part-001.bba'))).toEqual(before);
    expect(existsSync(join(audioDirFor(store.db.name), 'deleted', token))).toBe(false);
    expect(audio.list(restored?.id ?? 0).map((p) => p.part)).toEqual([1]);
  });
});
