// The Vietnamese application menu. Shortcuts are handled by the page itself (so they also work in the
// browser tests); the menu shows them and sends the same commands when clicked.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_CHANNEL, type AppCommand } from '../../shared/channels.ts';

export function buildMenu(window: () => BrowserWindow | null, devTools: boolean): Menu {
  const command = (label: string, name: AppCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => window()?.webContents.send(COMMAND_CHANNEL, name),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        command('Hội nghị mới', 'new-meeting', 'CmdOrCtrl+N'),
        command('Nhập tệp hội nghị…', 'import-meeting', 'CmdOrCtrl+O'),
        command('Xuất biên bản…', 'export-minutes', 'CmdOrCtrl+E'),
        command('In…', 'print-document', 'CmdOrCtrl+P'),
        { type: 'separator' },
        command('Danh sách hội nghị', 'show-meetings', 'CmdOrCtrl+L'),
        command('Cài đặt', 'show-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { label: 'Phóng to', role: 'zoomIn' },
        { label: 'Thu nhỏ', role: 'zoomOut' },
        { label: 'Cỡ chữ mặc định', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Toàn màn hình', role: 'togglefullscreen' },
        ...(devTools ? [{ label: 'Công cụ nhà phát triển', role: 'toggleDevTools' } as const] : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
