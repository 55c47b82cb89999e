// End to end in Chromium, from the keyboard: the secretary encrypts the store in Cài đặt › Bảo mật dữ liệu
// (a weak passphrase refused, the recovery key shown), deletes the plain copy, and after a restart opens
// the app on the unlock screen (a wrong passphrase refused in Vietnamese); a MẬT meeting's file is exported
// sealed and imported back with its passphrase. The files on disk are read afterwards for the meeting's words.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainCopies } from '../../electron/services/encryption.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { readHeader } from '../../electron/store/keys.ts';
import { field, openApp, retype, screenshots, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị Ban Thường vụ Tỉnh ủy Quảng Trị về công tác cán bộ';
const PERSON = 'Hoàng Thị Xuân Quỳnh';
const PASSPHRASE = 'Sông Thạch Hãn chảy qua thành cổ';
const FILE_PASSPHRASE = 'Cầu Hiền Lương bắc qua sông Bến Hải';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The files under dir whose bytes hold the meeting's title or a name in it. */
const leaking = (dir: string) =>
  filesUnder(dir).filter((path) => {
    const bytes = readFileSync(path);
    return [TITLE, PERSON].some((text) => bytes.includes(Buffer.from(text, 'utf8')));
  });

describe('an encrypted store in the browser', () => {
  let app: AppUnderTest;
  let page: Page;
  const database = () => join(app.dir, 'bien-ban.sqlite');

  beforeAll(async () => {
    app = await openApp({
      session: true,
      prepare: (store) => {
        const meeting = createMeeting(store, { title: TITLE, date: '2024-05-20', confidentiality: 'mat' });
        const site = store.sites.add(meeting, { name: 'Điểm cầu Tỉnh ủy' });
        store.attendees.add(meeting, { siteId: site.id, fullName: PERSON, positions: 'Ủy viên Ban Thường vụ', role: 'chair' });
      },
    });
    page = app.page;
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('is encrypted from Cài đặt with a passphrase typed twice, and nothing readable is left on disk', async () => {
    await page.getByRole('button', { name: TITLE, exact: true }).waitFor();
    expect(leaking(app.dir).length, 'the plain store shows the words to the scan').toBeGreaterThan(0);
    await page.keyboard.press('Control+,');
    const encrypt = page.getByRole('button', { name: 'Mã hóa cơ sở dữ liệu…' });
    await encrypt.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Mã hóa cơ sở dữ liệu' });
    // A weak passphrase: its strength is shown as it is typed, and it is refused.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await page.keyboard.type('123456');
    await dialog.getByRole('meter', { name: 'Độ mạnh của cụm mật khẩu' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('123456');
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').waitFor();
    expect(readHeader(database()).kind).toBe('plain');

    await retype(page, field(page, 'Cụm mật khẩu'), PASSPHRASE);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    const recovery = page.getByRole('dialog', { name: 'Khóa khôi phục' });
    await recovery.waitFor();
    const recoveryKey = (await recovery.getByLabel('Khóa khôi phục').textContent()) ?? '';
    expect(recoveryKey.replace(/[\s-]/g, '')).toMatch(/^[A-Z2-7]{52}$/);
    await screenshots(page, 'security-recovery-key');
    await page.keyboard.press('Enter');
    await recovery.waitFor({ state: 'detached' });

    expect(readHeader(database()).kind).toBe('encrypted');
    expect(app.store.key).not.toBeNull();
    expect(app.store.meetings.list().map((m) => m.title)).toEqual([TITLE]);
    // Only the plain copy kept on purpose still shows the words; the user deletes it from the same page.
    expect(leaking(app.dir)).toEqual(plainCopies(database()));
    await page.getByText('Cơ sở dữ liệu và các bản sao lưu tự động đang được mã hóa.').waitFor();
    await screenshots(page, 'security-settings');
    const deleteCopy = page.getByRole('button', { name: 'Xóa bản sao chưa mã hóa' });
    await deleteCopy.focus();
    await page.keyboard.press('Enter');
    await deleteCopy.waitFor({ state: 'detached' });
    expect(plainCopies(database())).toEqual([]);
    expect(leaking(app.dir)).toEqual([]);
  });

  it('after a restart asks the passphrase: a wrong one is refused in Vietnamese, the right one opens the meetings', async () => {
    await app.restart();
    await page.reload();
    const unlock = page.getByRole('heading', { name: 'Mở cơ sở dữ liệu đã mã hóa' });
    await unlock.waitFor();
    await screenshots(page, 'security-unlock');
    await page.keyboard.type('Sông Thạch Hãn chảy qua thành cũ');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Cụm mật khẩu hoặc khóa khôi phục không đúng' }).waitFor();
    expect(app.session?.current()).toBeNull();
    await screenshots(page, 'security-unlock-wrong');
    // The field was emptied for a new try and keeps the focus.
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: TITLE, exact: true }).waitFor();
    expect(app.store.key).not.toBeNull();
    const [meeting] = app.store.meetings.list();
    expect(meeting).toMatchObject({ title: TITLE, attendeeCount: 1 });
  });

  it('exports the MẬT meeting sealed with a passphrase for the file, and imports it back only with that passphrase', async () => {
    const exportButton = page.getByRole('button', { name: `Xuất tệp hội nghị ${TITLE}` });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const seal = page.getByRole('dialog', { name: 'Xuất tệp hội nghị mật' });
    await seal.waitFor();
    await page.keyboard.type(FILE_PASSPHRASE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(FILE_PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByText('Đã xuất tệp hội nghị (đã mã hóa)', { exact: false }).waitFor();
    const [sealed] = app.bridge.saved;
    if (!sealed) throw new Error('nothing saved');
    expect(JSON.parse(readFileSync(sealed, 'utf8'))).toMatchObject({ kind: 'bien-ban/encrypted', version: 1, cipher: 'aes-256-gcm' });
    expect(leaking(app.dir)).toEqual([]);

    app.bridge.toOpen.push(sealed);
    await page.keyboard.press('Control+O');
    const ask = page.getByRole('dialog', { name: 'Tệp được mã hóa' });
    await ask.waitFor();
    await page.keyboard.type('Cầu Hiền Lương');
    await page.keyboard.press('Enter');
    await ask.getByRole('alert').filter({ hasText: 'chưa có gì được nhập' }).waitFor();
    expect(app.store.meetings.list()).toHaveLength(1);
    await page.keyboard.type(FILE_PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByText('Đã nhập tệp hội nghị.').waitFor();
    const meetings = app.store.meetings.list();
    expect(meetings).toHaveLength(2);
    expect(meetings.every((m) => m.title === TITLE && m.attendeeCount === 1)).toBe(true);
  });
});
