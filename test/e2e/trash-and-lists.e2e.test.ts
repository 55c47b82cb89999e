// End to end in Chromium: a deleted meeting survives a reload (the app restarted) in "Hội nghị đã xóa"
// and comes back whole; an attendee list saved by Excel as "Unicode text" (UTF-16, tab-separated, with
// a heading line) is previewed, then added only when asked. The database is read after each journey.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { documents } from '../../electron/minutes/documents.ts';
import { importMeetingFile } from '../../electron/services/meeting-file.ts';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';
import { BRIDGE_INIT_SCRIPT, startBridge, type Bridge } from './bridge.ts';
import { launchChromium } from './browser.ts';

const RENDERER = inject('rendererDir');
const FIXTURE = new URL('../fixtures/online-quarterly-review-2021.json', import.meta.url).pathname;

describe('trash and attendee lists in the browser', () => {
  let browser: Browser;
  let bridge: Bridge;
  let store: Store;
  let page: Page;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bien-ban-e2e-trash-'));
    store = createStore(openDatabase(join(dir, 'bien-ban.sqlite')));
    importMeetingFile(store, FIXTURE);
    bridge = await startBridge({ root: RENDERER, store, documents, saveDir: dir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.addInitScript(BRIDGE_INIT_SCRIPT);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    store?.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a deleted meeting is restored from the trash after a reload, whole', async () => {
    const [meeting] = store.meetings.list();
    if (!meeting) throw new Error('no meeting');
    await page.goto(bridge.url);
    await page.getByRole('button', { name: `Xóa hội nghị ${meeting.title}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^Xóa/ }).click();
    await expect.poll(() => store.meetings.list().length).toBe(0);
    // The app restarted: the toast's undo is gone, the trash is not.
    await page.reload();
    await page.getByRole('button', { name: 'Hội nghị đã xóa…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hội nghị đã xóa' });
    await dialog.getByRole('button', { name: `Khôi phục hội nghị ${meeting.title}` }).click();
    await expect.poll(() => store.meetings.list().length).toBe(1);
    const [restored] = store.meetings.list();
    expect(restored).toMatchObject({
      title: meeting.title,
      date: meeting.date,
      siteCount: meeting.siteCount,
      attendeeCount: meeting.attendeeCount,
      speechCount: meeting.speechCount,
    });
    expect(store.trash.list()).toEqual([]);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('button', { name: meeting.title, exact: true }).waitFor();
  });

  it('a UTF-16 list with a heading line is previewed, and added only when asked', async () => {
    const [meeting] = store.meetings.list();
    if (!meeting) throw new Error('no meeting');
    const site = store.sites.list(meeting.id).find((s) => s.isMain);
    const before = store.attendees.list(meeting.id).length;
    const file = join(dir, 'dai-bieu.csv');
    const text =
      'DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ\r\nHọ và tên\tChức vụ\tĐơn vị\r\nNguyễn Văn Thông\tChuyên viên\tVụ Tổng hợp\r\nĐặng Thị Ánh\tVụ trưởng\tVụ Tổ chức\r\n';
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    bridge.toOpen.push(file);
    await page.getByRole('button', { name: meeting.title, exact: true }).click();
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: 'Nhập danh sách từ tệp (CSV, Excel)' }).click();
    const preview = page.getByRole('group', { name: 'Xem trước danh sách từ tệp dai-bieu.csv' });
    await expect
      .poll(() => preview.textContent())
      .toMatch(/có 2 người \(bảng mã UTF-16\)\. Dòng tiêu đề “DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ” không được tính là đại biểu\./);
    expect(await preview.getByRole('row').allTextContents()).toEqual([
      '#Họ và tênChức vụĐơn vị',
      '1Nguyễn Văn ThôngChuyên viênVụ Tổng hợp',
      '2Đặng Thị ÁnhVụ trưởngVụ Tổ chức',
    ]);
    expect(store.attendees.list(meeting.id)).toHaveLength(before);
    await preview.getByRole('button', { name: 'Thêm 2 đại biểu' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => store.attendees.list(meeting.id).length).toBe(before + 2);
    const added = store.attendees
      .list(meeting.id)
      .filter((a) => a.siteId === site?.id)
      .slice(-2)
      .map((a) => [a.fullName, a.positions, a.unit]);
    expect(added).toEqual([
      ['Nguyễn Văn Thông', 'Chuyên viên', 'Vụ Tổng hợp'],
      ['Đặng Thị Ánh', 'Vụ trưởng', 'Vụ Tổ chức'],
    ]);
  });
});
