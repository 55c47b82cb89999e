// End to end in Chromium, from the keyboard, on a store already encrypted: the secretary changes the passphrase
// in Cài đặt › Bảo mật dữ liệu (a wrong current one refused, nothing changed), then takes the encryption off. After
// each, the database file is read apart from the app: the old passphrase no longer opens it, the new one does with
// every row as it was; after decrypting it is a plain SQLite file holding the same rows. Last, a backup a change
// cut short left in the old key is moved to the store's key with the old passphrase.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/services/backups.ts';
import { moveStore } from '../../electron/services/encryption.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { connect, openDatabase, type Db } from '../../electron/store/db.ts';
import { createKey, deriveKey, keyFromRecovery, readHeader, type StoreKey } from '../../electron/store/keys.ts';
import { openApp, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị Ban Chấp hành Đảng bộ tỉnh Quảng Trị mở rộng';
const PERSON = 'Lê Thị Thu Hường';
const WORDS = 'Đồng chí đề nghị rà soát quy hoạch cán bộ nhiệm kỳ 2025–2030 ở các xã ven biển.';
const OLD = 'Sông Thạch Hãn chảy qua thành cổ';
const NEW = 'Đèo Lao Bảo mây trắng bay ngang';

/** The rows a secretary's words live in, read straight from a connection to the file. */
function rows(db: Db): unknown {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    meetings: all('SELECT id, title, date, confidentiality FROM meetings ORDER BY id'),
    sites: all('SELECT id, meeting_id, name FROM sites ORDER BY id'),
    attendees: all('SELECT id, meeting_id, full_name, positions, role FROM attendees ORDER BY id'),
    speeches: all('SELECT id, meeting_id, speaker_name, content FROM speeches ORDER BY id'),
  };
}

/** The file read apart from the app, with a key (null: as a plain SQLite file). */
function readFile(file: string, key: StoreKey | null): unknown {
  const db = connect(file, key, { readonly: true, fileMustExist: true });
  try {
    return rows(db);
  } finally {
    db.close();
  }
}

/** Tabs until the button with this name has the focus (as a person moving through the page), then presses Enter. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    const focused = await page.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement.textContent : null));
    if (focused === name) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`no button “${name}” reached with Tab`);
}

describe('changing the passphrase and decrypting, from Cài đặt › Bảo mật dữ liệu', () => {
  let app: AppUnderTest;
  let page: Page;
  let before: unknown;
  const database = () => join(app.dir, 'bien-ban.sqlite');

  beforeAll(async () => {
    app = await openApp({
      session: true,
      prepare: (store) => {
        const meeting = createMeeting(store, { title: TITLE, date: '2025-03-14', confidentiality: 'toi_mat' });
        const site = store.sites.add(meeting, { name: 'Hội trường Tỉnh ủy' });
        store.attendees.add(meeting, { siteId: site.id, fullName: PERSON, positions: 'Phó Bí thư Tỉnh ủy', role: 'chair' });
        store.speeches.add(meeting, { speakerName: PERSON, content: WORDS });
      },
    });
    page = app.page;
    // The store the journey starts from: encrypted with OLD (the encrypting journey is security.e2e.test.ts's).
    await app.session?.encrypt(OLD);
    before = rows(app.store.db);
    await page.reload();
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('changes the passphrase: a wrong current one changes nothing; then only the new one opens the file, every row intact', async () => {
    await page.getByRole('button', { name: TITLE, exact: true }).waitFor();
    const header = readHeader(database()).header;
    await page.keyboard.press('Control+,');
    await page.getByText('Cơ sở dữ liệu và các bản sao lưu tự động đang được mã hóa.').waitFor();
    await tabTo(page, 'Đổi cụm mật khẩu…');
    const dialog = page.getByRole('dialog', { name: 'Đổi cụm mật khẩu' });
    await dialog.waitFor();
    // The current passphrase mistyped (one word changed), the new one typed twice.
    await page.keyboard.type('Sông Thạch Hãn chảy qua thành cũ');
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW);
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'không đúng' }).waitFor();
    expect(readHeader(database()).header.equals(header)).toBe(true);
    expect(readFile(database(), await deriveKey(OLD, header))).toEqual(before);

    // Back to the first field, the current passphrase typed over.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(OLD);
    await page.keyboard.press('Enter');
    const recovery = page.getByRole('dialog', { name: 'Khóa khôi phục' });
    await recovery.waitFor();
    const recoveryKey = (await recovery.getByLabel('Khóa khôi phục').textContent()) ?? '';
    await page.keyboard.press('Enter');
    await recovery.waitFor({ state: 'detached' });

    const changed = readHeader(database());
    expect(changed.kind).toBe('encrypted');
    expect(changed.header.equals(header)).toBe(false);
    expect(await deriveKey(OLD, changed.header)).toBeNull();
    const key = await deriveKey(NEW, changed.header);
    if (!key) throw new Error('the new passphrase does not open the store');
    expect(keyFromRecovery(recoveryKey, changed.header)?.key.equals(key.key)).toBe(true);
    expect(readFile(database(), key)).toEqual(before);
    expect(readFileSync(database()).includes(Buffer.from(PERSON))).toBe(false);

    // Started again, the app asks the passphrase: the old one is refused, the new one opens the meetings.
    await app.restart();
    await page.reload();
    await page.getByRole('heading', { name: 'Mở cơ sở dữ liệu đã mã hóa' }).waitFor();
    await page.keyboard.type(OLD);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Cụm mật khẩu hoặc khóa khôi phục không đúng' }).waitFor();
    expect(app.session?.current()).toBeNull();
    await page.keyboard.type(NEW);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: TITLE, exact: true }).waitFor();
    expect(rows(app.store.db)).toEqual(before);
  });

  it('decrypts with the passphrase: a wrong one changes nothing; then the file is plain SQLite with the same rows', async () => {
    await page.keyboard.press('Control+,');
    await page.getByText('Cơ sở dữ liệu và các bản sao lưu tự động đang được mã hóa.').waitFor();
    await tabTo(page, 'Bỏ mã hóa…');
    const dialog = page.getByRole('dialog', { name: 'Bỏ mã hóa?' });
    await dialog.waitFor();
    await page.keyboard.type(OLD);
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'không đúng' }).waitFor();
    expect(readHeader(database()).kind).toBe('encrypted');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(NEW);
    await page.keyboard.press('Enter');
    await page.getByText('Đã bỏ mã hóa cơ sở dữ liệu.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('chưa được mã hóa', { exact: false }).first().waitFor();

    expect(readHeader(database()).kind).toBe('plain');
    expect(readFileSync(database()).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(readFile(database(), null)).toEqual(before);
    expect(app.store.key).toBeNull();
    expect(rows(app.store.db)).toEqual(before);
  });

  it('moves a backup a change cut short left in the old key, once the old passphrase is typed', async () => {
    // The state a power cut during a change leaves: the store in the new key, an automatic backup still in the old one.
    await app.session?.encrypt(OLD);
    const backup = await createBackup(app.store.db, join(app.dir, 'backups'), 'periodic');
    const old = app.store.key;
    app.session?.close();
    const next = await createKey(NEW);
    const moved = await moveStore(openDatabase(database(), { key: old }), database(), join(app.dir, 'not-the-backups'), next);
    moved.db.close();
    const bytes = readFileSync(backup);
    await app.session?.start();
    await page.reload();
    await page.getByRole('heading', { name: 'Mở cơ sở dữ liệu đã mã hóa' }).waitFor();
    await page.keyboard.type(NEW);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: TITLE, exact: true }).waitFor();

    await page.keyboard.press('Control+,');
    await page.getByText('1 bản sao lưu tự động chưa chuyển được sang dạng mới', { exact: false }).waitFor();
    await tabTo(page, 'Chuyển các bản sao lưu này…');
    const dialog = page.getByRole('dialog', { name: 'Chuyển bản sao lưu sang khóa hiện tại' });
    await dialog.waitFor();
    await page.keyboard.type(NEW);
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'không đúng' }).waitFor();
    expect(readFileSync(backup).equals(bytes)).toBe(true);
    await page.keyboard.type(OLD);
    await page.keyboard.press('Enter');
    await page.getByText('Đã chuyển các bản sao lưu sang khóa hiện tại.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    expect(readHeader(backup).header.equals(next.header)).toBe(true);
    expect(await deriveKey(OLD, readHeader(backup).header)).toBeNull();
    expect(readFile(backup, next)).toEqual(before);
    expect(app.session?.status().backupsLeft).toEqual([]);
  });
});
