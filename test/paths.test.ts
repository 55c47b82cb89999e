import { describe, expect, it } from 'vitest';
import { homedir } from 'node:os';
import { defaultDatabasePath } from '../electron/paths.ts';

describe('default database location', () => {
  it("follows each platform's per-user application-data folder, as Electron does", () => {
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/home/lan/.config' }, 'linux')).toBe('/home/lan/.config/Bien Ban/bien-ban.sqlite');
    expect(defaultDatabasePath({}, 'linux')).toBe(`${homedir()}/.config/Bien Ban/bien-ban.sqlite`);
    expect(defaultDatabasePath({ APPDATA: 'C:\\Users\\Lan\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\Lan\\AppData\\Roaming\\Bien Ban\\bien-ban.sqlite');
    expect(defaultDatabasePath({}, 'darwin')).toBe(`${homedir()}/Library/Application Support/Bien Ban/bien-ban.sqlite`);
  });
});
