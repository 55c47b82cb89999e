// An encrypted store leaves nothing readable on disk: the database, its WAL and the automatic backups hold
// none of a meeting's names or words in plain bytes (nor the search index's folded copies of them). A wrong
// passphrase, a damaged key header, a tampered meeting file and an interrupted encryption change nothing.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Session } from '../../electron/api/session.ts';
import { createBackup } from '../../electron/services/backups.ts';
import { moveStore, movingPath, plainCopies } from '../../electron/services/encryption.ts';
import { importAnyMeetingFile } from '../../electron/services/meeting-file.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';
import { readHeader } from '../../electron/store/keys.ts';
import { AppError } from '../../shared/errors.ts';
import { fold } from '../../shared/vietnamese/fold.ts';
import { snapshot, tempDir } from '../support/store.ts';
import { testSession } from '../support/session.ts';

const TITLE = 'Hội nghị Ban Thường vụ Tỉnh ủy Quảng Trị về công tác cán bộ';
const PERSON = 'Hoàng Thị Xuân Quỳnh';
const WORD = 'Zelkovathuyết';
const PASSPHRASE = 'Sông Thạch Hãn chảy qua thành cổ';

/** Every place a meeting's words could be found in the bytes of a file. */
const NEEDLES = [TITLE, PERSON, WORD, fold(PERSON), fold(WORD), fold('công tác cán bộ')].map((text) => Buffer.from(text, 'utf8'));

function leaks(path: string): string[] {
  const bytes = readFileSync(path);
  return NEEDLES.filter((needle) => bytes.includes(needle)).map((needle) => `${path}: ${needle.toString('utf8')}`);
}

/** Every file under dir, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function fill(store: Store): number {
  const meeting = createMeeting(store, { title: TITLE, date: '2024-05-20', confidentiality: 'toi_mat' });
  const site = store.sites.add(meeting, { name: 'Điểm cầu Tỉnh ủy' });
  store.attendees.add(meeting, { siteId: site.id, fullName: PERSON, positions: 'Ủy viên Ban Thường vụ', role: 'chair' });
  store.speeches.add(meeting, { speakerName: PERSON, notes: `Đồng chí ${PERSON} phát biểu về ${WORD} và công tác cán bộ.` });
  store.search.index.update();
  return meeting;
}

async function startSession(dir: string, options: { prepare?(store: Store): void } = {}): Promise<Session> {
  const file = join(dir, 'bien-ban.sqlite');
  const plain = createStore(openDatabase(file));
  options.prepare?.(plain);
  plain.db.close();
  const session = testSession(dir, { file });
  await session.start();
  return session;
}

function opened(session: Session): Store {
  const store = session.current();
  if (!store) throw new Error('the store is locked');
  return store;
}

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe('an encrypted store on disk', () => {
  it('the database, its WAL and the backups contain none of a meeting’s names or words, folded or not', async () => {
    const dir = tempDir();
    const session = await startSession(dir, { prepare: fill });
    const file = join(dir, 'bien-ban.sqlite');
    expect(leaks(file).length, 'the plain store holds the words (the scan can see them)').toBeGreaterThan(0);

    const { recoveryKey, plainCopy } = await session.encrypt(PASSPHRASE);
    expect(recoveryKey).toMatch(/^[A-Z2-7 -]{52,}$/);
    expect(plainCopy && existsSync(plainCopy)).toBe(true);
    const store = opened(session);
    // Writes after encrypting go to the WAL first; a backup is taken of the encrypted store.
    const meetingId = store.meetings.list()[0]?.id ?? 0;
    store.speeches.add(meetingId, { notes: `${PERSON} kết luận về ${WORD}.` });
    store.search.index.update();
    await createBackup(store.db, join(dir, 'backups'), 'manual');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(readHeader(file).kind).toBe('encrypted');

    // Everything but the plain copy kept on purpose (the user is told and deletes it) is unreadable.
    const files = filesUnder(dir).filter((path) => !plainCopies(file).includes(path));
    expect(files.some((path) => path.includes('backups'))).toBe(true);
    expect(files.flatMap(leaks)).toEqual([]);
    session.handlers().deletePlainCopies({});
    expect(plainCopies(file)).toEqual([]);
    expect(filesUnder(dir).flatMap(leaks)).toEqual([]);
  });

  it('opens locked after a restart; a wrong passphrase is refused in Vietnamese and changes nothing; the recovery key opens it', async () => {
    const dir = tempDir();
    const session = await startSession(dir, { prepare: fill });
    const { recoveryKey } = await session.encrypt(PASSPHRASE);
    const before = snapshot(opened(session));
    session.close();
    expect(await session.start()).toEqual({ kind: 'locked' });
    expect(session.status()).toMatchObject({ encrypted: true, locked: true });
    const file = join(dir, 'bien-ban.sqlite');
    const bytes = readFileSync(file);

    const wrong = await session.unlock('Sông Thạch Hãn chảy qua thành cũ').catch((error: unknown) => error);
    expect(codeOf(wrong)).toBe('KEY_WRONG');
    expect((wrong as Error).message).toMatch(/^Cụm mật khẩu hoặc khóa khôi phục không đúng/);
    expect(session.current()).toBeNull();
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // The store's channels answer only once unlocked.
    expect(() => session.handlers().listMeetings({})).toThrow(/đang khóa/);

    await session.unlock(recoveryKey.toLowerCase());
    expect(snapshot(opened(session))).toEqual(before);
  });

  it('a damaged key header says the file is damaged, not that the passphrase is wrong, and the file is left as it was', async () => {
    const dir = tempDir();
    const session = await startSession(dir, { prepare: fill });
    await session.encrypt(PASSPHRASE);
    session.close();
    const file = join(dir, 'bien-ban.sqlite');
    const bytes = readFileSync(file);
    bytes[0] = 0x00;
    writeFileSync(file, bytes);
    const outcome = await session.start();
    const error = outcome.kind === 'refused' ? outcome.error : await session.unlock(PASSPHRASE).catch((e: unknown) => e);
    expect(codeOf(error)).not.toBe('KEY_WRONG');
    expect(error).toBeInstanceOf(AppError);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('an encryption interrupted half-way changes nothing: the store is plain, whole and open, no partial copy is left', async () => {
    const dir = tempDir();
    const file = join(dir, 'bien-ban.sqlite');
    const store = createStore(openDatabase(file));
    onTestFinished(() => {
      store.db.close();
    });
    fill(store);
    const before = snapshot(store);
    const { createKey } = await import('../../electron/store/keys.ts');
    const key = await createKey(PASSPHRASE);
    let calls = 0;
    const moving = moveStore(store.db, file, join(dir, 'backups'), key, () => {
      if (++calls === 2) throw new Error('power cut');
    });
    await expect(moving).rejects.toThrow(/Dữ liệu vẫn như trước/);
    expect(store.db.open).toBe(true);
    expect(readHeader(file).kind).toBe('plain');
    expect(existsSync(movingPath(file))).toBe(false);
    expect(plainCopies(file)).toEqual([]);
    expect(snapshot(store)).toEqual(before);
  });
});

describe('a confidential meeting’s file', () => {
  it('is sealed: none of its words in the file; a wrong passphrase or a tampered byte imports nothing, in Vietnamese', async () => {
    const dir = tempDir();
    const session = await startSession(dir, { prepare: fill });
    const store = opened(session);
    const meetingId = store.meetings.list()[0]?.id ?? 0;
    const { exportSealedMeetingFile } = await import('../../electron/services/meeting-file.ts');
    const target = join(dir, 'mat.json');
    await exportSealedMeetingFile(store, meetingId, target, PASSPHRASE);
    expect(leaks(target)).toEqual([]);
    const count = store.meetings.list().length;

    const wrong = await importAnyMeetingFile(store, target, 'không phải cụm này').catch((error: unknown) => error);
    expect(codeOf(wrong)).toBe('KEY_WRONG');
    expect((wrong as Error).message).toContain('chưa có gì được nhập');
    const envelope = JSON.parse(readFileSync(target, 'utf8')) as { data: string };
    const data = Buffer.from(envelope.data, 'base64');
    data.writeUInt8(data.readUInt8(10) ^ 1, 10);
    const tampered = join(dir, 'mat-sua.json');
    writeFileSync(tampered, JSON.stringify({ ...envelope, data: data.toString('base64') }));
    expect(codeOf(await importAnyMeetingFile(store, tampered, PASSPHRASE).catch((error: unknown) => error))).toBe('KEY_WRONG');
    expect(store.meetings.list().length).toBe(count);

    const imported = await importAnyMeetingFile(store, target, PASSPHRASE);
    expect(store.meetings.get(imported)).toMatchObject({ title: TITLE, confidentiality: 'toi_mat' });
  });
});
