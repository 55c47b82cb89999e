// The guard of the app's own files (electron/store/files.ts) beyond what the hostile corpus drives
// through the channels: the hook for files added later (a meeting's audio), and a store in memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFiles } from '../../electron/store/files.ts';
import { tempDir } from '../support/store.ts';

describe('the app files guard', () => {
  it('protects a file or folder registered later, until its registration is undone', () => {
    const dir = tempDir();
    const files = new AppFiles(join(dir, 'bien-ban.sqlite'));
    const audio = join(dir, 'ghi-am', 'hoi-nghi-1.ogg');
    mkdirSync(join(dir, 'ghi-am'));
    writeFileSync(audio, 'âm thanh');
    expect(files.writeTarget(audio, 'Không ghi được tệp')).toBe(audio);
    const undo = files.protect(audio);
    expect(() => files.writeTarget(audio, 'Không ghi được tệp')).toThrow(
      'Không ghi được tệp: đây là tệp đang được Biên Bản sử dụng; hãy chọn tên tệp hoặc thư mục khác.',
    );
    const undoFolder = files.protect(join(dir, 'ghi-am'), { folder: true, what: 'đây là thư mục ghi âm của hội nghị đang mở' });
    expect(() => files.writeTarget(join(dir, 'ghi-am', 'mới.docx'), 'X')).toThrow('X: đây là thư mục ghi âm của hội nghị đang mở; hãy chọn');
    undo();
    undoFolder();
    expect(files.writeTarget(audio, 'Không ghi được tệp')).toBe(audio);
  });

  it('a store in memory protects nothing of its own but its backups folder', () => {
    const dir = tempDir();
    const files = new AppFiles(':memory:', join(dir, 'backups'));
    expect(files.ownFile(join(dir, 'bien-ban.sqlite'))).toBeNull();
    expect(files.ownFile(join(dir, 'backups', 'x.sqlite'))).toBe('đây là thư mục sao lưu tự động của Biên Bản');
    expect(files.ownFile(join(dir, 'backups-khac', 'x.sqlite'))).toBeNull();
  });
});
