// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupToFolder, createBackup } from '../../electron/services/backups.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { formatSize } from '../../renderer/screens/BackupSection.tsx';
import { renderApp } from './setup.tsx';

describe('Sao lưu và khôi phục', () => {
  it('backs up to the chosen folder', async () => {
    const { user, fake } = renderApp({ route: () => ({ screen: 'settings' }) });
    await user.click(await screen.findByRole('button', { name: 'Sao lưu ngay ra thư mục…' }));
    await waitFor(() => expect(screen.getByText(/^Đã sao lưu vào /)).toBeInTheDocument());
    expect(readdirSync(fake.dir).filter((n) => n.startsWith('Sao lưu Biên Bản'))).toHaveLength(1);
  });

  it('carries the recordings in backups only once the secretary ticks the choice, kept in the store', async () => {
    const { user, fake } = renderApp({ route: () => ({ screen: 'settings' }) });
    const inBackups = () => fake.store.db.prepare('SELECT in_backups FROM audio_settings').pluck().get();
    const choice = await screen.findByRole('checkbox', { name: 'Kèm bản ghi âm trong các bản sao lưu' });
    expect(choice).not.toBeChecked();
    expect(inBackups()).toBe(0);
    await user.click(choice);
    await waitFor(() => expect(inBackups()).toBe(1));
    expect(choice).toBeChecked();
    await user.keyboard(' ');
    await waitFor(() => expect(inBackups()).toBe(0));
    expect(choice).not.toBeChecked();
  });

  it('opens a backup from a file (a USB stick) and shows its meetings', async () => {
    const { user, fake } = renderApp({ route: () => ({ screen: 'settings' }) });
    const other = createStore(openDatabase(':memory:'));
    other.meetings.create({ title: 'Hội nghị trên máy cũ', date: '2026-09-30' });
    fake.dialog.open = await backupToFolder(other.db, join(fake.dir, 'usb'), other.files);
    other.db.close();
    await user.click(await screen.findByRole('button', { name: 'Mở bản sao lưu từ tệp (USB)…' }));
    const table = await screen.findByRole('table', { name: 'Các bản sao lưu' });
    await waitFor(() => expect(table).toHaveTextContent('mở từ tệp'));
    expect(await within(table).findByText(/Hội nghị trên máy cũ/)).toBeInTheDocument();
    expect(fake.store.meetings.list()).toEqual([]);
  });

  it('lists the automatic backups, shows their meetings and restores one meeting after a confirmation', async () => {
    const { user, fake } = renderApp({
      prepare: (f) => {
        f.store.meetings.create({ title: 'Hội nghị giao ban quý III', date: '2026-10-05' });
      },
    });
    await createBackup(fake.store.db, join(fake.dir, 'backups'), 'start', new Date('2026-11-20T08:30:00Z'));
    fake.store.meetings.remove(fake.store.meetings.list()[0]?.id ?? 0);
    fake.command('show-settings');
    const table = await screen.findByRole('table', { name: 'Các bản sao lưu' });
    const row = within(table).getAllByRole('row')[1];
    if (!row) throw new Error('no backup row');
    expect(row).toHaveTextContent('khi mở ứng dụng');
    expect(row).toHaveTextContent(/\d+ KB/);
    expect(within(row).getAllByRole('cell')[2]).toHaveTextContent('1');
    await user.click(within(row).getByRole('button', { name: 'Xem các hội nghị trong bản sao lưu' }));
    const restoreOne = await within(row).findByRole('button', { name: /Khôi phục hội nghị này/ });
    expect(row).toHaveTextContent('Hội nghị giao ban quý III');
    await user.click(restoreOne);
    const dialog = await screen.findByRole('dialog', { name: 'Khôi phục hội nghị' });
    expect(dialog).toHaveTextContent('Dữ liệu hiện tại được sao lưu trước khi khôi phục');
    await user.click(within(dialog).getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(fake.store.meetings.list().map((m) => m.title)).toEqual(['Hội nghị giao ban quý III']));
    await screen.findByText(/Đã khôi phục hội nghị/);
    // The safety backup taken before the restore appears in the list.
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Các bản sao lưu' })).getAllByRole('row')).toHaveLength(3));
    expect(screen.getByText(/trước khi khôi phục/)).toBeInTheDocument();
  });

  it('restoring everything asks first and can be cancelled', async () => {
    const { user, fake } = renderApp({
      prepare: (f) => {
        f.store.meetings.create({ title: 'Hội nghị A' });
      },
    });
    await createBackup(fake.store.db, join(fake.dir, 'backups'), 'periodic', new Date('2026-11-20T08:30:00Z'));
    fake.store.meetings.create({ title: 'Hội nghị B' });
    fake.command('show-settings');
    await user.click(await screen.findByRole('button', { name: 'Khôi phục tất cả' }));
    const dialog = await screen.findByRole('dialog', { name: 'Khôi phục tất cả' });
    expect(dialog).toHaveTextContent('sẽ được thay bằng nội dung của bản sao lưu');
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(fake.store.meetings.list()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Khôi phục tất cả' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Khôi phục tất cả' })).getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(fake.store.meetings.list().map((m) => m.title)).toEqual(['Hội nghị A']));
  });

  it('sizes in KB and MB', () => {
    expect(formatSize(10)).toBe('1 KB');
    expect(formatSize(5 * 1048576 + 300_000)).toBe('5,3 MB');
  });

  it('shows a banner while automatic backups fail, and the last good backup in Cài đặt', async () => {
    const { fake } = renderApp({ route: () => ({ screen: 'settings' }) });
    expect(await fake.autoBackups.tick('start', new Date('2026-11-20T08:30:00Z'))).not.toBeNull();
    fake.store.meetings.create({ title: 'Hội nghị mới' });
    // The backups folder becomes unusable (here: a file where the folder was), as a full or removed disk does.
    const { rmSync } = await import('node:fs');
    rmSync(join(fake.dir, 'backups'), { recursive: true });
    writeFileSync(join(fake.dir, 'backups'), '');
    expect(await fake.autoBackups.tick('periodic', new Date('2026-11-20T08:40:00Z'))).toBeNull();
    // Changing screen asks again (the banner also asks every 30 seconds).
    fake.command('show-meetings');
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(/^Sao lưu tự động đang bị lỗi \(từ \d\d giờ \d\d, 20\/11\/2026, đã thử 1 lần\): Không sao lưu được vào .*backups: /);
    expect(banner).toHaveTextContent('Ứng dụng vẫn tiếp tục thử lại.');
    expect(banner).toHaveTextContent(/Bản sao lưu tốt gần nhất: \d\d giờ \d\d, 20\/11\/2026/);
    fake.command('show-settings');
    expect(await screen.findByText(/^Lần sao lưu tự động thành công gần nhất: \d\d giờ \d\d, 20\/11\/2026\. Sao lưu tự động đang bị lỗi/)).toBeInTheDocument();
  });
});
