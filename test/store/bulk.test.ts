// The bulk path against the editing path: the same meetings written both ways give the same stored records,
// and the same bad meetings are refused both ways, leaving the store as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nationalMeetingFile } from '../../bench/national-meeting.ts';
import { importMeeting, parseMeetingFile } from '../../electron/services/meeting-file.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import type { Store } from '../../electron/store/index.ts';
import { FIXTURE } from '../minutes/support.ts';
import { foreignRecords, rowByRow, type Json, type RawFile } from '../support/row-by-row.ts';
import { memoryStore, snapshot } from '../support/store.ts';

const fixture = (): RawFile => JSON.parse(readFileSync(FIXTURE, 'utf8')) as RawFile;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A new record's identity is random: either way it must be one, and which one is not compared. */
const identity = (row: Json) => ('uuid' in row ? (typeof row.uuid === 'string' && UUID.test(row.uuid) ? 'a new UUID' : row.uuid) : undefined);

/**
 * Every stored row, the clock's timestamps, the meeting's revision (a count of writes) and the random identities
 * aside, and the search index (caught up with the queue first).
 */
function stored(store: Store) {
  store.search.index.update();
  const tables = snapshot(store);
  const noClock = (rows: unknown[]) =>
    rows.map((row) => ({
      ...(row as Json),
      created_at: undefined,
      updated_at: undefined,
      revision: undefined,
      uuid: identity(row as Json),
    }));
  return {
    ...Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, noClock(rows)])),
    index: store.db.prepare('SELECT id, kind, record_id, hash FROM search_docs ORDER BY id').all(),
  };
}

/** Two stores in the same state, one written row by row, the other through the bulk path. */
function bothWays(file: RawFile) {
  const editing = memoryStore();
  const bulk = memoryStore();
  const foreign = foreignRecords(editing);
  foreignRecords(bulk);
  const catching = (write: () => number) => {
    try {
      return { id: write(), error: null };
    } catch (error) {
      return { id: null, error: error as Error };
    }
  };
  const before = stored(editing);
  const viaEditing = catching(() => rowByRow(editing, structuredClone(file), foreign));
  const viaBulk = catching(() => importMeeting(bulk, parseMeetingFile(structuredClone({ kind: 'bien-ban/meeting', version: 1, exportedAt: '', ...file }))));
  return { editing, bulk, before, viaEditing, viaBulk };
}

describe('the bulk path writes what the editing path writes', () => {
  const messy = (): RawFile => {
    const file = fixture();
    file.meeting.title = '  Ho\u0323\u0302i nghi\u0323 giao ban\u0007 quý III \r\n';
    file.meeting.content = 'Dòng một.\r\nDo\u0300ng hai.  \r\n\r\n';
    for (const site of file.sites) site.isMain = false; // the first site becomes the main one
    const [first, second] = file.sites;
    if (first?.attendees[0]) first.attendees[0].fullName = 'Tru\u031Bo\u031Bng Thi\u0323 Mai\u000B';
    if (second?.attendees[0]) second.attendees[0].positions = 'Phó Bí thư\n  Thường trực';
    file.sites.push({ key: 'xa', name: ' 21 điểm cầu cấp xã ', level: 'commune', isMain: false, attendeeCount: 412, attendees: [] });
    file.sites.push({ key: 'empty', name: 'Điểm cầu chưa có ai', attendees: [] });
    file.recipients = ['  Lưu Văn phòng\u0007  ', 'Ca\u0301c vu\u0323, đơn vị'];
    if (file.speeches[0]) file.speeches[0].content = 'Đoạn một.\r\n\r\nĐoạn hai.\t ';
    file.actionItems.push({ task: 'Hoàn thiện\r\nbáo cáo', responsible: 'Vụ V' });
    return file;
  };
  const national = (): RawFile => {
    const file = nationalMeetingFile(0.25);
    // Recipients are records in a version-2 file; the editing path adds them by text.
    return { ...file, recipients: file.recipients.map((recipient) => recipient.text) } as unknown as RawFile;
  };
  const thirdIsMain = (): RawFile => {
    const file = fixture();
    file.sites.forEach((site, i) => Object.assign(site, { isMain: false, key: `k${i}` }));
    file.sites.push({ key: 'third', name: 'Điểm cầu chính thứ ba', isMain: true, attendees: [{ key: 'x', fullName: 'Lê Văn X' }] });
    return file;
  };
  const emptyMeeting = (): RawFile => ({
    meeting: { title: 'Chưa có gì' },
    sites: [],
    agenda: [],
    speeches: [],
    conclusions: [],
    actionItems: [],
    recipients: [],
  });
  const samePerson = (): RawFile => {
    const file = fixture();
    const [first] = file.sites;
    // The same person listed twice, and someone already in the directory: remembered once each.
    first?.attendees.push({ key: 'again', fullName: 'Trương Thị Mai', unit: first.attendees[0]?.unit ?? '', positions: '' });
    return file;
  };

  it.each([
    ['the fixture', fixture],
    ['messy text: NFD, control characters, CRLF, blank lines; no main site given; count-only and empty sites', messy],
    ['the national meeting at a quarter of its size', national],
    ['a main site that is not the first', thirdIsMain],
    ['a meeting with nothing in it', emptyMeeting],
    ['the same person twice', samePerson],
  ])('%s', (_name, make) => {
    const { editing, bulk, viaEditing, viaBulk } = bothWays(make());
    expect(viaEditing.error).toBeNull();
    expect(viaBulk.error).toBeNull();
    expect(viaBulk.id).toBe(viaEditing.id);
    expect(stored(bulk)).toEqual(stored(editing));
  });

  it('keeps the order contiguous, one main site and the directory, as the editing path does', () => {
    const { bulk, viaBulk } = bothWays(thirdIsMain());
    const id = viaBulk.id ?? 0;
    expect(bulk.sites.list(id).map((s) => [s.ord, s.isMain])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    expect(bulk.attendees.list(id).map((a) => a.ord)).toEqual([0, 0, 1, 0]);
    expect(bulk.attendees.list(id).every((a) => a.personId !== null)).toBe(true);
  });

  it("leaves speeches their speaker's name when the speaker is removed, as for rows written one by one", () => {
    const { editing, bulk, viaEditing, viaBulk } = bothWays(fixture());
    for (const [store, id] of [
      [editing, viaEditing.id],
      [bulk, viaBulk.id],
    ] as const) {
      const spoken = store.speeches.list(id ?? 0).find((s) => s.attendeeId !== null);
      store.attendees.remove(spoken?.attendeeId ?? 0);
      expect(store.speeches.get(spoken?.id ?? 0)).toMatchObject({ attendeeId: null, speakerName: expect.stringMatching(/\S/) as unknown });
    }
    expect(stored(bulk)).toEqual(stored(editing));
  });

  it('copies the sites and attendees of an earlier meeting as the editing path would', () => {
    const store = memoryStore();
    const from = importMeeting(store, parseMeetingFile({ kind: 'bien-ban/meeting', version: 1, exportedAt: '', ...thirdIsMain() }));
    const copy = createMeeting(store, { title: 'Bản sao' }, { copyFrom: from });
    const reference = store.meetings.create({ title: 'Bản sao' }).id;
    const attendees = store.attendees.list(from);
    for (const { id, meetingId: _m, ord: _o, ...site } of store.sites.list(from)) {
      const siteId = store.sites.add(reference, site).id;
      for (const { id: _i, meetingId: _mm, ord: _oo, ...attendee } of attendees.filter((a) => a.siteId === id)) {
        store.attendees.add(reference, { ...attendee, siteId, presence: 'present', absenceReason: '', presenceTime: null });
      }
    }
    const strip = (rows: { id: number; meetingId: number; uuid: string; siteId?: number }[]) =>
      rows.map(({ id: _i, meetingId: _m, siteId: _s, uuid: _u, ...rest }) => rest);
    expect(strip(store.sites.list(copy))).toEqual(strip(store.sites.list(reference)));
    expect(strip(store.attendees.list(copy))).toEqual(strip(store.attendees.list(reference)));
    expect(store.attendees.list(copy).map((a) => a.personId)).toEqual(attendees.map((a) => a.personId));
    // A copy is new records: none takes the identity of the record it was copied from.
    const identities = (id: number) => [...store.sites.list(id), ...store.attendees.list(id)].map((row) => row.uuid);
    expect(new Set([...identities(from), ...identities(copy)]).size).toBe(identities(from).length * 2);
  });

  it('appends to a meeting that has sites: a new main site takes over, others follow the last site', () => {
    const editing = memoryStore();
    const bulk = memoryStore();
    for (const store of [editing, bulk]) {
      const id = store.meetings.create({ title: 'Giao ban' }).id;
      const central = store.sites.add(id, { name: 'Trụ sở' });
      store.attendees.add(id, { siteId: central.id, fullName: 'Trương Thị Mai' });
      store.agenda.add(id, { title: 'Khai mạc' });
    }
    const added = [
      { name: 'Tỉnh ủy Nghệ An', isMain: false },
      { name: 'Tỉnh ủy Hà Tĩnh', isMain: true },
      { name: 'Tỉnh ủy Huế', isMain: false },
    ];
    const revisionBefore = bulk.meetings.get(1).revision;
    for (const site of added) editing.sites.add(1, site);
    editing.agenda.add(1, { title: 'Thảo luận' });
    bulk.bulk.append(1, {
      sites: added.map((site, i) => ({ ...site, key: `s${i}`, location: '', level: 'other', attendeeCount: null, attendees: [] })),
      agenda: [{ key: 'g', title: 'Thảo luận', presenter: '' }],
    });
    expect(bulk.sites.list(1).map((s) => [s.ord, s.name, s.isMain])).toEqual(editing.sites.list(1).map((s) => [s.ord, s.name, s.isMain]));
    expect(stored(bulk)).toEqual(stored(editing));
    // One write: the page sees a newer revision once.
    expect(bulk.meetings.get(1).revision).toBe(revisionBefore + 1);
  });
});

describe('the bulk path refuses what the editing path refuses, and writes nothing', () => {
  /** A change making the fixture a bad meeting, and the words both refusals contain. */
  const corpus: [string, (file: RawFile) => void, string | { editing: string; bulk: string }][] = [
    ['a meeting ending at an impossible time', (f) => Object.assign(f.meeting, { startTime: '14:00', endTime: '10:75' }), 'phải là giờ hợp lệ'],
    [
      'a meeting ending before it starts, too early to be past midnight',
      (f) => Object.assign(f.meeting, { startTime: '10:30', endTime: '09:45' }),
      'giờ kết thúc phải sau giờ bắt đầu',
    ],
    ['an impossible date', (f) => Object.assign(f.meeting, { date: '2021-02-30' }), 'ngày: không phải là ngày có thật'],
    ['an unknown format', (f) => Object.assign(f.meeting, { format: 'word' }), 'có giá trị không hợp lệ'],
    [
      'a count-only site with a named attendee',
      (f) => {
        if (f.sites[1]) f.sites[1].attendeeCount = 30;
      },
      'Điểm cầu này chỉ ghi số lượng đại biểu; hãy bỏ số lượng để nhập danh sách.',
    ],
    [
      'a negative head count',
      (f) => {
        f.sites.push({ key: 'xa', name: 'Xã', attendeeCount: -3, attendees: [] });
      },
      'số đại biểu: quá nhỏ',
    ],
    [
      'an attendee with an unknown presence',
      (f) => {
        if (f.sites[1]?.attendees[1]) f.sites[1].attendees[1].presence = 'maybe';
      },
      'tình trạng có mặt: có giá trị không hợp lệ',
    ],
    [
      'a late arrival at 7h30',
      (f) => {
        if (f.sites[0]?.attendees[0]) Object.assign(f.sites[0].attendees[0], { presence: 'late', presenceTime: '7h30' });
      },
      'giờ đến hoặc về: phải là giờ hợp lệ',
    ],
    [
      'a million-character name',
      (f) => {
        if (f.sites[0]?.attendees[0]) f.sites[0].attendees[0].fullName = 'A'.repeat(1_000_000);
      },
      'họ và tên: quá dài (tối đa 200 ký tự)',
    ],
    [
      'a speech of 200,001 characters',
      (f) => {
        if (f.speeches[0]) f.speeches[0].content = 'x'.repeat(200_001);
      },
      'nội dung: quá dài (tối đa 200.000 ký tự)',
    ],
    [
      'a speech of more than a day',
      (f) => {
        if (f.speeches[0]) f.speeches[0].durationMinutes = 24 * 60 + 1;
      },
      'quá lớn (tối đa 1.440)',
    ],
    [
      'a speech by someone not in the meeting',
      (f) => {
        if (f.speeches[0]) f.speeches[0].speakerKey = 'nobody';
      },
      { editing: 'Không lưu được phát biểu: mục được chọn không thuộc hội nghị này.', bulk: 'người phát biểu: không có trong danh sách đại biểu' },
    ],
    [
      'a conclusion on an agenda item of another meeting',
      (f) => {
        if (f.conclusions[0]) f.conclusions[0].agendaKey = 'elsewhere';
      },
      { editing: 'Không lưu được kết luận: mục được chọn không thuộc hội nghị này.', bulk: 'mục chương trình: không có trong chương trình' },
    ],
    [
      'an action item due on 2021-13-01',
      (f) => {
        f.actionItems.push({ task: 'X', dueDate: '2021-13-01' });
      },
      'thời hạn: không phải là ngày có thật',
    ],
    [
      'a recipient of 501 characters',
      (f) => {
        f.recipients.push('x'.repeat(501));
      },
      'quá dài (tối đa 500 ký tự)',
    ],
    [
      'a vote of minus one',
      (f) => {
        if (f.conclusions[0]) f.conclusions[0].voteAgainst = -1;
      },
      'quá nhỏ (tối thiểu 0)',
    ],
    [
      'a site of an unknown level',
      (f) => {
        f.sites.push({ key: 'tinh', name: 'Tỉnh ủy Nghệ An', level: 'region', attendees: [] });
      },
      'cấp: có giá trị không hợp lệ',
    ],
  ];

  it.each(corpus)('%s', (_name, spoil, words) => {
    const file = fixture();
    spoil(file);
    const { editing, bulk, before, viaEditing, viaBulk } = bothWays(file);
    const expected = typeof words === 'string' ? { editing: words, bulk: words } : words;
    expect(viaEditing.error?.message.toLowerCase()).toContain(expected.editing.toLowerCase());
    expect(viaBulk.error?.message.toLowerCase()).toContain(expected.bulk.toLowerCase());
    expect(stored(editing)).toEqual(before);
    expect(stored(bulk)).toEqual(before);
  });

  it('names where the offending record is', () => {
    const file = fixture();
    if (file.sites[1]) file.sites[1].attendeeCount = 30;
    expect(bothWays(file).viaBulk.error?.message).toBe(
      'Điểm cầu thứ 2 › đại biểu thứ 1: Điểm cầu này chỉ ghi số lượng đại biểu; hãy bỏ số lượng để nhập danh sách.',
    );
  });

  it("refuses a reference outside the content in the editing path's words when given content directly", () => {
    const store = memoryStore();
    const file = parseMeetingFile({ kind: 'bien-ban/meeting', version: 1, exportedAt: '', ...fixture() });
    const before = stored(store);
    const speeches = file.speeches.map((s, i) => (i === 1 ? { ...s, speakerKey: 'nobody' } : s));
    expect(() => store.bulk.create(file.meeting, { ...file, speeches })).toThrow(
      'Phát biểu thứ 2 › người phát biểu: Không lưu được phát biểu: mục được chọn không thuộc hội nghị này.',
    );
    expect(() => store.bulk.append(999, file)).toThrow('Không tìm thấy hội nghị (mã 999).');
    expect(stored(store)).toEqual(before);
  });
});
