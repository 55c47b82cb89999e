// Site reports: the meeting sent to three sites as a meeting file, each site's machine (its own database)
// records its attendance and speeches and exports a report, the centre merges them. The store is read after.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMeetingFile, exportMeetingFile, parseMeetingFile, importMeeting } from '../electron/services/meeting-file.ts';
import { getMeetingRecord } from '../electron/services/meetings.ts';
import { mergeReports, previewMerge, readReports, reportFiles } from '../electron/services/site-merge.ts';
import { exportSiteReport } from '../electron/services/site-report.ts';
import { exportSitePackage } from '../electron/services/site-package.ts';
import type { Store } from '../electron/store/index.ts';
import { FIXTURE } from './minutes/support.ts';
import { memoryStore, snapshot, tempDir } from './support/store.ts';

/** The centre's meeting: the fixture, with a site to list by name and a count-only site. */
function centre() {
  const store = memoryStore();
  const id = importMeeting(store, parseMeetingFile(JSON.parse(readFileSync(FIXTURE, 'utf8'))));
  store.sites.add(id, { name: 'Hà Giang', level: 'province' });
  store.sites.add(id, { name: '21 điểm cầu cấp xã', level: 'commune', attendeeCount: 0 });
  return { store, id };
}

/** The meeting file taken to a site's machine and imported there: the same meeting, the same identities. */
function atSite(central: Store, id: number, dir: string): { store: Store; id: number } {
  const file = join(dir, `goi-${Math.random().toString(36).slice(2)}.json`);
  exportMeetingFile(central, id, file);
  const store = memoryStore();
  return { store, id: importMeetingFile(store, file) };
}

const siteNamed = (store: Store, id: number, name: string) => {
  const site = store.sites.list(id).find((s) => s.name === name);
  if (!site) throw new Error(`no site ${name}`);
  return site;
};

function report(store: Store, id: number, siteName: string, dir: string, file: string): string {
  const path = join(dir, file);
  exportSiteReport(store, siteNamed(store, id, siteName).id, path);
  return path;
}

/** Three sites' work, each on its own database, and their reports. */
function threeReports() {
  const dir = tempDir();
  const { store: central, id } = centre();

  const haGiang = atSite(central, id, dir);
  const hg = siteNamed(haGiang.store, haGiang.id, 'Hà Giang');
  const chair = haGiang.store.attendees.add(haGiang.id, { siteId: hg.id, fullName: 'Hầu A Lềnh', positions: 'Bí thư Tỉnh ủy', role: 'site_chair' });
  haGiang.store.attendees.add(haGiang.id, { siteId: hg.id, fullName: 'Nguyễn Mạnh Dũng', presence: 'late', presenceTime: '14:20' });
  const discussion = haGiang.store.agenda.list(haGiang.id).find((item) => item.title.length > 0 && item.ord === 2);
  haGiang.store.speeches.add(haGiang.id, {
    attendeeId: chair.id,
    agendaItemId: discussion?.id ?? null,
    kind: 'contribution',
    startTime: '15:05',
    content: 'Hà Giang báo cáo kết quả.',
  });

  const xa = atSite(central, id, dir);
  xa.store.sites.update(siteNamed(xa.store, xa.id, '21 điểm cầu cấp xã').id, { attendeeCount: 412 });

  const ngheAn = atSite(central, id, dir);
  ngheAn.store.speeches.add(ngheAn.id, { speakerName: 'Lê Văn Khách', speakerSite: 'Nghệ An', content: 'Ý kiến từ Nghệ An.' });

  return {
    dir,
    central,
    id,
    files: [
      report(haGiang.store, haGiang.id, 'Hà Giang', dir, 'ha-giang.json'),
      report(xa.store, xa.id, '21 điểm cầu cấp xã', dir, 'cap-xa.json'),
      report(ngheAn.store, ngheAn.id, 'Nghệ An', dir, 'nghe-an.json'),
    ],
  };
}

describe('three site reports merged into the meeting', () => {
  it('shows what would change before anything is written', () => {
    const { central, id, files } = threeReports();
    const before = snapshot(central);
    const preview = previewMerge(central, id, readReports(files));
    expect(snapshot(central)).toEqual(before);
    expect(preview.reports.map((r) => [r.file, r.siteName, r.refused])).toEqual([
      ['ha-giang.json', 'Hà Giang', null],
      ['cap-xa.json', '21 điểm cầu cấp xã', null],
      ['nghe-an.json', 'Nghệ An', null],
    ]);
    const changed = (i: number) => preview.reports[i]?.records.filter((r) => r.outcome !== 'unchanged').map((r) => [r.list, r.outcome, r.label]);
    expect(changed(0)).toEqual([
      ['attendees', 'added', 'Hầu A Lềnh'],
      ['attendees', 'added', 'Nguyễn Mạnh Dũng'],
      ['speeches', 'added', 'Phát biểu của Hầu A Lềnh lúc 15:05'],
    ]);
    // The count-only site's head count differs from the centre's 0, with no earlier merge to tell who changed it.
    expect(preview.reports[1]?.records).toEqual([
      expect.objectContaining({
        list: 'sites',
        outcome: 'conflict',
        differences: [{ field: 'số đại biểu', central: '0', site: '412' }],
      }),
    ]);
    expect(changed(2)).toEqual([['speeches', 'added', 'Phát biểu của Lê Văn Khách']]);
    // Unchanged: the Hà Giang and Nghệ An sites, Nghệ An's two attendees.
    expect(preview.totals).toEqual({ added: 4, updated: 0, conflict: 1, unchanged: 4, refused: 0 });
    expect(preview.summary).toBe('3 báo cáo: 2 nhập, 1 có khác biệt cần chọn, 0 bị từ chối. 4 mục mới, 0 mục cập nhật.');
  });

  it("adds the sites' attendees and speeches, keeps the centre's value in a conflict, and takes the site's when chosen", () => {
    const { central, id, files } = threeReports();
    const revision = central.meetings.get(id).revision;
    mergeReports(central, id, readReports(files));
    let record = getMeetingRecord(central, id);
    const hg = siteNamed(central, id, 'Hà Giang');
    expect(record.attendees.filter((a) => a.siteId === hg.id).map((a) => [a.fullName, a.presence, a.presenceTime, a.role, a.ord])).toEqual([
      ['Hầu A Lềnh', 'present', null, 'site_chair', 0],
      ['Nguyễn Mạnh Dũng', 'late', '14:20', 'member', 1],
    ]);
    const added = record.speeches.slice(-2);
    const lenh = record.attendees.find((a) => a.fullName === 'Hầu A Lềnh');
    // A named attendee goes into the directory, as after typing them.
    expect(central.people.get(lenh?.personId ?? 0).positions).toBe('Bí thư Tỉnh ủy');
    expect(added.map((s) => [s.content, s.attendeeId, s.speakerName, s.speakerSite, s.ord])).toEqual([
      ['Hà Giang báo cáo kết quả.', lenh?.id, '', '', 4],
      ['Ý kiến từ Nghệ An.', null, 'Lê Văn Khách', 'Nghệ An', 5],
    ]);
    expect(added[0]?.agendaItemId).toBe(record.agenda[2]?.id);
    expect(siteNamed(central, id, '21 điểm cầu cấp xã').attendeeCount).toBe(0);
    expect(central.meetings.get(id).revision).toBe(revision + 1);

    // The secretary chooses the site's head count: now it is written, and agreed for the next merge.
    const xa = siteNamed(central, id, '21 điểm cầu cấp xã');
    const preview = mergeReports(central, id, readReports(files), { takeSite: new Set([xa.uuid]) });
    expect(preview.totals).toMatchObject({ updated: 1, conflict: 0, added: 0 });
    expect(siteNamed(central, id, '21 điểm cầu cấp xã').attendeeCount).toBe(412);
    record = getMeetingRecord(central, id);
    expect(central.meetings.list().find((m) => m.id === id)?.attendeeCount).toBe(record.attendees.length + 412);
  });

  it('changes nothing when the same reports are merged again, or twice in one batch', () => {
    const { central, id, files } = threeReports();
    mergeReports(central, id, readReports([...files, ...files]));
    const once = snapshot(central);
    const again = mergeReports(central, id, readReports(files));
    expect(snapshot(central)).toEqual(once);
    expect(again.totals).toMatchObject({ added: 0, updated: 0 });
  });

  it('updates what the site corrected after the last merge, and shows a conflict when the centre changed it too', () => {
    const { central, id, files, dir } = threeReports();
    mergeReports(central, id, readReports(files));
    // The site corrects its report: a new copy of the meeting there, then the corrected attendance.
    const site = atSite(central, id, dir);
    const dung = site.store.attendees.list(site.id).find((a) => a.fullName === 'Nguyễn Mạnh Dũng');
    site.store.attendees.update(dung?.id ?? 0, { presenceTime: '14:25' });
    const lenh = site.store.attendees.list(site.id).find((a) => a.fullName === 'Hầu A Lềnh');
    site.store.attendees.update(lenh?.id ?? 0, { positions: 'Bí thư Tỉnh ủy Hà Giang' });
    // Meanwhile the centre corrected the chair's position its own way.
    const centralLenh = central.attendees.list(id).find((a) => a.fullName === 'Hầu A Lềnh');
    central.attendees.update(centralLenh?.id ?? 0, { positions: 'Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy' });
    const corrected = report(site.store, site.id, 'Hà Giang', dir, 'ha-giang-2.json');
    const result = mergeReports(central, id, readReports([corrected]));
    expect(result.reports[0]?.records.filter((r) => r.outcome !== 'unchanged').map((r) => [r.label, r.outcome, r.differences])).toEqual([
      ['Hầu A Lềnh', 'conflict', [{ field: 'chức vụ', central: 'Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy', site: 'Bí thư Tỉnh ủy Hà Giang' }]],
      ['Nguyễn Mạnh Dũng', 'updated', [{ field: 'giờ đến hoặc về', central: '14:20', site: '14:25' }]],
    ]);
    const after = central.attendees.list(id);
    expect(after.find((a) => a.fullName === 'Nguyễn Mạnh Dũng')?.presenceTime).toBe('14:25');
    expect(after.find((a) => a.fullName === 'Hầu A Lềnh')?.positions).toBe('Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy');
  });
});

describe('reports refused one by one: the others merged, the refused files as they were', () => {
  /** Merges the good reports with the refused one; the refused report is named with why, its file untouched. */
  function refused(make: (ctx: ReturnType<typeof threeReports>) => string[], message: RegExp) {
    const ctx = threeReports();
    const before = snapshot(ctx.central);
    const paths = make(ctx);
    const digest = () => paths.map((p) => createHash('sha256').update(readFileSync(p)).digest('hex'));
    const bytes = digest();
    const result = mergeReports(ctx.central, ctx.id, readReports(paths));
    const bad = result.reports.at(-1);
    expect(bad?.refused).toMatch(message);
    expect(result.summary).toContain(`1 bị từ chối: ${bad?.file ?? ''}: `);
    expect(result.reports.slice(0, -1).every((report) => report.refused === null)).toBe(true);
    // A refused file is left byte for byte.
    expect(digest()).toEqual(bytes);
    if (paths.length === 1) {
      expect(snapshot(ctx.central)).toEqual(before);
      expect(result.undo).toBeNull();
    }
    return { ...ctx, result };
  }
  const rewrite = (path: string, change: (json: Record<string, unknown>) => void, name = 'sua.json') => {
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    change(json);
    const target = join(path, '..', name);
    writeFileSync(target, JSON.stringify(json));
    return target;
  };

  it('a report for another meeting, among good ones: those are merged', () => {
    const { central, id, result } = refused(({ files, dir }) => {
      const other = memoryStore();
      const otherId = importMeeting(other, parseMeetingFile(JSON.parse(readFileSync(FIXTURE, 'utf8'))));
      return [...files, report(other, otherId, 'Nghệ An', dir, 'hoi-nghi-khac.json')];
    }, /^Báo cáo của hội nghị khác \(“Hội nghị giao ban/);
    expect(result.summary).toMatch(
      /^4 báo cáo: 2 nhập, 1 có khác biệt cần chọn, 1 bị từ chối: hoi-nghi-khac\.json: Báo cáo của hội nghị khác \(“Hội nghị giao ban.*”\), không phải của hội nghị này\. 4 mục mới, 0 mục cập nhật\.$/,
    );
    expect(central.attendees.list(id).map((a) => a.fullName)).toEqual(expect.arrayContaining(['Hầu A Lềnh', 'Nguyễn Mạnh Dũng']));
    expect(central.speeches.list(id).map((s) => s.content)).toEqual(expect.arrayContaining(['Ý kiến từ Nghệ An.']));
  });

  it('a site the meeting does not have', () =>
    refused(
      ({ files }) => [
        rewrite(files[0] ?? '', (j) => {
          (j.site as Record<string, unknown>).uuid = '0b7f4a1e-2c3d-4e5f-9a6b-7c8d9e0f1a2b';
        }),
      ],
      /^Điểm cầu “Hà Giang” không có trong hội nghị này/,
    ));

  it('a truncated report', () =>
    refused(({ files, dir }) => {
      const path = join(dir, 'cut.json');
      writeFileSync(path, readFileSync(files[0] ?? '').subarray(0, 200));
      return [path];
    }, /cut\.json.*|Tệp bị hỏng hoặc không đúng định dạng JSON/));

  it('a huge report', () =>
    refused(({ dir }) => {
      const path = join(dir, 'lon.json');
      writeFileSync(path, `{"kind":"bien-ban/site-report","pad":"${'x'.repeat(10 * 1024 * 1024)}"}`);
      return [path];
    }, /tệp lớn hơn giới hạn 10 MB/));

  it('the same attendee twice in one report', () =>
    refused(
      ({ files }) => [
        rewrite(files[0] ?? '', (j) => {
          const site = j.site as { attendees: { uuid: string }[] };
          if (site.attendees[0] && site.attendees[1]) site.attendees[1].uuid = site.attendees[0].uuid;
        }),
      ],
      /Điểm cầu › đại biểu thứ 2 › mã định danh: bị trùng với một đại biểu khác/,
    ));

  // A meeting file of the same meeting is a second secretary's speeches (site-speeches.test.ts); of another, refused.
  it('the package instead of a report', () =>
    refused(({ dir }) => {
      const path = join(dir, 'goi.json');
      const sender = centre();
      exportSitePackage(sender.store, sender.id, path, { withAttendees: false });
      return [path];
    }, /không phải là báo cáo điểm cầu của Biên Bản/));

  it('a meeting file of another meeting', () =>
    refused(({ dir }) => {
      const other = memoryStore();
      const otherId = importMeeting(other, parseMeetingFile(JSON.parse(readFileSync(FIXTURE, 'utf8'))));
      const path = join(dir, 'hoi-nghi-khac.json');
      exportMeetingFile(other, otherId, path);
      return [path];
    }, /^Báo cáo của hội nghị khác/));

  it('a count-only site whose report lists names', () =>
    refused(
      ({ files }) => [
        rewrite(files[0] ?? '', (j) => {
          (j.site as Record<string, unknown>).attendeeCount = 3;
        }),
      ],
      /điểm cầu chỉ ghi số lượng thì không có danh sách đại biểu/,
    ));
});

describe('text in reports', () => {
  it('stores NFD names as NFC and finds the same record again by identity', () => {
    const { central, id, files } = threeReports();
    const json = JSON.parse(readFileSync(files[0] ?? '', 'utf8')) as { site: { attendees: { fullName: string }[] } };
    for (const attendee of json.site.attendees) attendee.fullName = attendee.fullName.normalize('NFD');
    writeFileSync(files[0] ?? '', JSON.stringify(json));
    mergeReports(central, id, readReports(files));
    const names = central.attendees.list(id).map((a) => a.fullName);
    expect(names).toContain('Hầu A Lềnh');
    expect(names.every((name) => name === name.normalize('NFC'))).toBe(true);
    const once = snapshot(central);
    mergeReports(central, id, readReports(files));
    expect(snapshot(central)).toEqual(once);
  });
});

describe('a folder with a bad file', () => {
  it('merges the good reports in one transaction, counts the conflicting ones apart, names the refused file, and undoes', () => {
    const { central, id, files, dir: work } = threeReports();
    const dir = join(work, 'bao-cao');
    mkdirSync(dir);
    for (const file of files) copyFileSync(file, join(dir, basename(file)));
    const bad = join(dir, 'zz-hong.json');
    writeFileSync(bad, '{"kind":"bien-ban/site-report","version":1,');
    const badBytes = readFileSync(bad);
    const lists = () => {
      const { sites, attendees, speeches, merge_bases: bases } = snapshot(central);
      return { sites, attendees, speeches, bases };
    };
    const before = lists();
    const revision = central.meetings.get(id).revision;
    const firstPreview = previewMerge(central, id, readReports(reportFiles([dir])));
    const result = mergeReports(central, id, readReports(reportFiles([dir])));
    expect(result.summary).toMatch(/^4 báo cáo: 2 nhập, 1 có khác biệt cần chọn, 1 bị từ chối: zz-hong\.json: .+\. 4 mục mới, 0 mục cập nhật\.$/);
    expect(result.reports.map((r) => [r.file, r.refused === null])).toEqual([
      ['cap-xa.json', true],
      ['ha-giang.json', true],
      ['nghe-an.json', true],
      ['zz-hong.json', false],
    ]);
    // One transaction: the meeting's revision moved once.
    expect(central.meetings.get(id).revision).toBe(revision + 1);
    expect(central.attendees.list(id).length).toBe((before.attendees ?? []).length + 2);
    expect(readFileSync(bad)).toEqual(badBytes);

    // Undone: the store as before, the bases included (merging again shows the same as the first time).
    central.bulk.unmerge(result.undo ?? expect.fail('the merge wrote something'));
    expect(lists()).toEqual(before);
    expect(previewMerge(central, id, readReports(reportFiles([dir])))).toEqual(firstPreview);
    // Undo is refused once the meeting was written after the merge.
    const again = mergeReports(central, id, readReports(files));
    central.meetings.update(id, { venue: 'Hội trường B' });
    const edited = lists();
    expect(() => central.bulk.unmerge(again.undo ?? expect.fail('the merge wrote something'))).toThrow(/đã được sửa sau khi nhập/);
    expect(lists()).toEqual(edited);
  });
});
