// A meeting prepared on the command line, without the window: the organisation profile shown and set, a new
// meeting, a site list and attendee lists imported, then its minutes written; each refusal in Vietnamese,
// leaving the store as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../electron/cli/main.ts';
import { createStore, openDatabase, type Store } from '../electron/store/index.ts';
import { encodeLegacy } from '../shared/vietnamese/legacy.ts';
import { allParagraphs, readDocx } from './minutes/docx-reader.ts';
import { communeRows } from './site-file.test.ts';
import { snapshot, tempDir } from './support/store.ts';
import { xlsx } from './support/xlsx.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n');

/** Opens the database the tool wrote, reads it, closes it. */
function look<T>(db: string, read: (store: Store) => T): T {
  const store = createStore(openDatabase(db));
  try {
    return read(store);
  } finally {
    store.db.close();
  }
}

describe('profile', () => {
  it('shows every field with its Vietnamese name, and sets the fields given', async () => {
    const db = join(tempDir(), 'db.sqlite');
    const shown = await run('profile', '--db', db);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('issuingBody\tcơ quan ban hành\t');
    const set = await run('profile', 'issuingBody=BAN TỔ CHỨC TỈNH ỦY', 'abbreviation=BTCTU', 'placeName=Vinh', 'defaultFormat=state', '--db', db);
    expect(set).toMatchObject({ code: 0, err: [] });
    expect(set.out).toEqual(
      expect.arrayContaining([
        'issuingBody\tcơ quan ban hành\tBAN TỔ CHỨC TỈNH ỦY',
        'abbreviation\tchữ viết tắt của cơ quan\tBTCTU',
        'defaultFormat\tthể thức mặc định\tstate',
      ]),
    );
    expect(look(db, (store) => store.profile.get())).toMatchObject({
      issuingBody: 'BAN TỔ CHỨC TỈNH ỦY',
      abbreviation: 'BTCTU',
      placeName: 'Vinh',
      defaultFormat: 'state',
    });
  });

  it.each([
    [['profile', 'coQuan=X'], /^Lỗi: "coQuan=X" không phải là trường=giá trị của thông tin cơ quan; các trường: superiorBody, issuingBody/],
    [['profile', 'defaultFormat=word'], /^Lỗi: Không lưu được thông tin cơ quan: Thể thức mặc định: có giá trị không hợp lệ\.$/],
    [['profile', `abbreviation=${'X'.repeat(200)}`], /quá dài \(tối đa 30 ký tự\)/],
  ])('%j is refused, the profile as it was', async (argv, message) => {
    const db = join(tempDir(), 'db.sqlite');
    await run('profile', 'abbreviation=BTCTU', '--db', db);
    const result = await run(...argv, '--db', db);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(message);
    expect(look(db, (store) => store.profile.get().abbreviation)).toBe('BTCTU');
  });
});

describe('a meeting prepared without the window', () => {
  it('new meeting, the 3,321 commune sites, attendee lists, then the minutes with the totals by level', async () => {
    const dir = tempDir();
    const db = join(dir, 'db.sqlite');
    await run('profile', 'issuingBody=BAN TỔ CHỨC TRUNG ƯƠNG', 'abbreviation=BTCTW', 'placeName=Hà Nội', '--db', db);
    const created = await run(
      'new',
      'Hội nghị trực tuyến toàn quốc',
      'date=01/07/2026',
      'startTime=08:00',
      'endTime=11:30',
      'mode=online',
      'number=12',
      '--db',
      db,
    );
    expect(created).toEqual({ code: 0, out: ['1'], err: [] });

    const central = join(dir, 'trung-uong.xlsx');
    writeFileSync(
      central,
      await xlsx([
        ['Họ và tên', 'Chức vụ'],
        ['Trương Thị Mai', 'Trưởng ban Tổ chức Trung ương'],
        ['Mai Văn Chính', 'Phó Trưởng ban'],
      ]),
    );
    expect(await run('attendees', '1', central, '--site', 'Trụ sở Ban Tổ chức Trung ương', '--db', db)).toEqual({
      code: 0,
      out: ['Đã thêm 2 đại biểu vào điểm cầu Trụ sở Ban Tổ chức Trung ương của hội nghị 1.'],
      err: [],
    });
    const provinces = join(dir, 'tinh.csv');
    writeFileSync(
      provinces,
      csv([
        ['Tên điểm cầu', 'Cấp', 'Số đại biểu'],
        ['Tỉnh ủy Nghệ An', 'tỉnh', ''],
        ['Tỉnh ủy Hà Tĩnh', 'tỉnh', '35'],
      ]),
    );
    expect(await run('sites', '1', provinces, '--db', db)).toEqual({ code: 0, out: ['Đã thêm 2 điểm cầu vào hội nghị 1.'], err: [] });
    const communes = join(dir, 'xa.csv');
    writeFileSync(communes, csv(communeRows()));
    expect((await run('sites', '1', communes, '--db', db)).out).toEqual(['Đã thêm 3.321 điểm cầu vào hội nghị 1.']);
    expect((await run('sites', '1', communes, '--db', db)).out).toEqual(['Đã thêm 0 điểm cầu vào hội nghị 1 (bỏ qua 3.321 điểm cầu đã có).']);
    const ngheAn = join(dir, 'nghe-an.csv');
    writeFileSync(
      ngheAn,
      csv([
        ['Nguyễn Văn Thông', 'Phó Bí thư Thường trực Tỉnh ủy'],
        ['Lê Đức Cường', 'Trưởng ban Tổ chức Tỉnh ủy'],
      ]),
    );
    // The site's name as typed, without accents, finds it.
    expect((await run('attendees', '1', ngheAn, '--site', 'tinh uy nghe an', '--db', db)).out).toEqual([
      'Đã thêm 2 đại biểu vào điểm cầu Tỉnh ủy Nghệ An của hội nghị 1.',
    ]);

    const stored = look(db, (store) => ({ meeting: store.meetings.get(1), sites: store.sites.list(1), attendees: store.attendees.list(1) }));
    expect(stored.meeting).toMatchObject({ title: 'Hội nghị trực tuyến toàn quốc', date: '2026-07-01', startTime: '08:00', mode: 'online', number: 12 });
    expect(stored.sites).toHaveLength(3324);
    expect(stored.sites[0]).toMatchObject({ name: 'Trụ sở Ban Tổ chức Trung ương', isMain: true });
    expect(stored.attendees.map((a) => a.fullName)).toEqual(['Trương Thị Mai', 'Mai Văn Chính', 'Nguyễn Văn Thông', 'Lê Đức Cường']);

    const file = join(dir, 'bien-ban.docx');
    const minutes = await run('minutes', '1', file, '--db', db);
    expect(minutes.code).toBe(0);
    const text = allParagraphs((await readDocx(readFileSync(file))).blocks).map((p) => p.text);
    const people =
      35 +
      communeRows()
        .slice(2)
        .reduce((sum, row) => sum + Number(row[3]), 0) +
      4;
    expect(text.find((t) => t.startsWith('Tổng số'))).toBe(
      `Tổng số: 3.324 điểm cầu (02 điểm cầu cấp tỉnh, 3.321 điểm cầu cấp xã, 01 điểm cầu khác), ${people.toLocaleString('de-DE')} đại biểu có mặt.`,
    );
  });

  it('asks how to take a list typed in TCVN3, and takes it converted with --convert', async () => {
    const dir = tempDir();
    const db = join(dir, 'db.sqlite');
    await run('new', 'Hội nghị', '--db', db);
    const file = join(dir, 'cu.csv');
    writeFileSync(
      file,
      Buffer.from(
        [
          ...encodeLegacy(
            csv([
              ['Nguyễn Văn Thông', 'Phó Bí thư'],
              ['Trần Thị Mai', 'Chuyên viên'],
            ]),
            'tcvn3',
          ),
        ].map((c) => c.charCodeAt(0) & 0xff),
      ),
    );
    const asked = await run('attendees', '1', file, '--site', 'Hội trường', '--db', db);
    expect(asked).toEqual({
      code: 1,
      out: [],
      err: ['Lỗi: Tệp cu.csv có vẻ được gõ bằng bảng mã TCVN3 (ABC): thêm --convert để chuyển sang Unicode, hoặc --keep để giữ nguyên.'],
    });
    expect(look(db, (store) => store.sites.list(1))).toEqual([]);
    expect((await run('attendees', '1', file, '--site', 'Hội trường', '--convert', '--db', db)).code).toBe(0);
    expect(look(db, (store) => store.attendees.list(1).map((a) => a.fullName))).toEqual(['Nguyễn Văn Thông', 'Trần Thị Mai']);
  });

  it.each([
    [['attendees', '1', 'x.csv'], 1, 'Lỗi: Hội nghị 1 chưa có điểm cầu nào; dùng --site "<tên điểm cầu>" để tạo điểm cầu cho danh sách.'],
    [['sites', '9', 'x.csv'], 1, 'Lỗi: Không tìm thấy hội nghị (mã 9).'],
    [['sites', '1', 'khong-co.csv'], 1, /^Lỗi: Không đọc được danh sách điểm cầu từ tệp khong-co\.csv/],
    [['sites', '1'], 2, 'Lỗi: lệnh sites cần 2 tham số. Gõ "npm run cli -- help" để xem cách dùng.'],
    [['new'], 2, 'Lỗi: lệnh new cần ít nhất 1 tham số. Gõ "npm run cli -- help" để xem cách dùng.'],
    [['new', 'Họp', 'date=31/02/2026'], 1, 'Lỗi: Không lưu được thông tin hội nghị: Ngày: không phải là ngày có thật.'],
    [['new', 'Họp', 'mode=zoom'], 1, 'Lỗi: Không lưu được thông tin hội nghị: Hình thức: có giá trị không hợp lệ.'],
    [['sites', '1', 'x.csv', '--convert', '--keep'], 2, 'Lỗi: chỉ dùng một trong hai: --convert (chuyển sang Unicode) hoặc --keep (giữ nguyên).'],
  ])('%j exits %i with a one-line Vietnamese error and writes nothing', async (argv, exitCode, message) => {
    const dir = tempDir();
    const db = join(dir, 'db.sqlite');
    await run('new', 'Hội nghị', '--db', db);
    writeFileSync(join(dir, 'x.csv'), csv([['Nguyễn Văn A', 'Chuyên viên']]));
    const before = look(db, snapshot);
    const result = await run(...argv.map((a) => (a.endsWith('.csv') ? join(dir, a) : a)), '--db', db);
    expect(result.code).toBe(exitCode);
    expect(result.err).toHaveLength(1);
    if (typeof message === 'string') expect(result.err[0]).toBe(message);
    else expect(result.err[0]).toMatch(message);
    expect(look(db, snapshot)).toEqual(before);
  });
});
