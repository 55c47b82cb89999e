// The meeting package: the centre sends details, agenda and sites (with the expected attendees) to the sites; three
// sites open it on their own databases, each bound to its site, record attendance and speeches there and export
// their reports; the centre merges them. The minutes' attendance section and totals are read after, and the
// store: a record the package sent merges as an update on its first change at the site, not as a conflict.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMeetingFile } from '../electron/services/meeting-file.ts';
import { createMeeting, getMeetingRecord } from '../electron/services/meetings.ts';
import { exportSitePackage, openSitePackage, readSitePackage, summarizePackage } from '../electron/services/site-package.ts';
import { mergeReports, readReports } from '../electron/services/site-merge.ts';
import { exportSiteReport } from '../electron/services/site-report.ts';
import type { Store } from '../electron/store/index.ts';
import { buildMinutes } from '../shared/minutes/model.ts';
import { sitePackageJsonSchema, siteReportJsonSchema } from '../shared/model/meeting-file-json-schema.ts';
import { modelTexts, positionsInOrder, PROFILE } from './minutes/support.ts';
import { memoryStore, snapshot, tempDir } from './support/store.ts';

function centre() {
  const store = memoryStore();
  const id = createMeeting(store, { title: 'Hội nghị trực tuyến sơ kết 6 tháng', mode: 'online', date: '2021-09-30', startTime: '14:00' });
  const central = store.sites.add(id, { name: 'Trung ương', level: 'central' });
  const ngheAn = store.sites.add(id, { name: 'tỉnh Nghệ An', level: 'province' });
  store.sites.add(id, { name: 'tỉnh Hà Tĩnh', level: 'province' });
  store.sites.add(id, { name: 'xã 1', level: 'commune', attendeeCount: 0 });
  store.sites.add(id, { name: 'xã 2', level: 'commune', attendeeCount: 20 });
  store.attendees.add(id, { siteId: central.id, fullName: 'Trương Thị Mai', positions: 'Trưởng ban Tổ chức Trung ương', role: 'chair' });
  store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Lê Đức Cường', positions: 'Trưởng ban Tổ chức Tỉnh ủy' });
  store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy', role: 'site_chair' });
  store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Trần Văn Khoa', category: 'guest' });
  store.agenda.add(id, { title: 'Thảo luận' });
  return { store, id };
}

const siteNamed = (store: Store, id: number, name: string) => {
  const site = store.sites.list(id).find((s) => s.name === name);
  if (!site) throw new Error(`no site ${name}`);
  return site;
};

/** A site's machine: its own database, the package opened there bound to the named site. */
function openAt(packagePath: string, siteName: string) {
  const pack = readSitePackage(packagePath);
  const uuid = summarizePackage(pack).sites.find((site) => site.name === siteName)?.uuid ?? '';
  const store = memoryStore();
  const id = openSitePackage(store, pack, uuid);
  const siteId = store.bulk.reportSite(id);
  if (siteId === null) throw new Error('not bound');
  return { store, id, siteId };
}

function threeSites(withAttendees = true) {
  const dir = tempDir();
  const { store: central, id } = centre();
  const packagePath = join(dir, 'goi.json');
  exportSitePackage(central, id, packagePath, { withAttendees });
  const reports: string[] = [];
  const report = (site: ReturnType<typeof openAt>, file: string) => {
    const path = join(dir, file);
    exportSiteReport(site.store, site.siteId, path);
    reports.push(path);
  };

  const ngheAn = openAt(packagePath, 'tỉnh Nghệ An');
  const at = (name: string) => ngheAn.store.attendees.list(ngheAn.id).find((a) => a.fullName === name);
  if (withAttendees) {
    ngheAn.store.attendees.update(at('Trần Văn Khoa')?.id ?? 0, { presence: 'absent_excused', absenceReason: 'đi công tác' });
  } else {
    for (const fullName of ['Lê Đức Cường', 'Nguyễn Văn Thông', 'Trần Văn Khoa']) ngheAn.store.attendees.add(ngheAn.id, { siteId: ngheAn.siteId, fullName });
  }
  ngheAn.store.speeches.add(ngheAn.id, {
    attendeeId: at('Nguyễn Văn Thông')?.id ?? null,
    agendaItemId: ngheAn.store.agenda.list(ngheAn.id)[0]?.id ?? null,
    kind: 'contribution',
    startTime: '14:30',
    content: 'Nghệ An đề xuất ba nhóm giải pháp.',
  });
  // The site's secretary also touched the meeting's title: a site report carries nothing of it.
  ngheAn.store.meetings.update(ngheAn.id, { title: 'Sửa nhầm ở điểm cầu' });
  report(ngheAn, 'nghe-an.json');

  const haTinh = openAt(packagePath, 'tỉnh Hà Tĩnh');
  haTinh.store.attendees.add(haTinh.id, { siteId: haTinh.siteId, fullName: 'Võ Văn Sơn', positions: 'Bí thư Tỉnh ủy', role: 'site_chair' });
  haTinh.store.attendees.add(haTinh.id, { siteId: haTinh.siteId, fullName: 'Đặng Thị Hoa', presence: 'absent_excused', absenceReason: 'ốm' });
  // A free-text speaker typed without a site: in the meeting bound to Hà Tĩnh, spoken there.
  haTinh.store.speeches.add(haTinh.id, { speakerName: 'Phan Văn Lâm', startTime: '15:10', content: 'Hà Tĩnh báo cáo.' });
  report(haTinh, 'ha-tinh.json');

  const xa = openAt(packagePath, 'xã 1');
  xa.store.sites.update(xa.siteId, { attendeeCount: 12 });
  report(xa, 'xa-1.json');
  return { dir, central, id, packagePath, reports };
}

describe('the meeting package, three sites, one merge', () => {
  it('opens at each site as a meeting bound to its site, with the details, agenda, sites and expected attendees only', () => {
    const { central, id, packagePath } = threeSites();
    const ngheAn = openAt(packagePath, 'tỉnh Nghệ An');
    const record = getMeetingRecord(ngheAn.store, ngheAn.id);
    expect(record.meeting.uuid).toBe(central.meetings.get(id).uuid);
    expect(record.sites.map((s) => [s.name, s.uuid])).toEqual(central.sites.list(id).map((s) => [s.name, s.uuid]));
    expect(record.attendees.map((a) => a.uuid)).toEqual(central.attendees.list(id).map((a) => a.uuid));
    expect(record.agenda.map((a) => a.title)).toEqual(['Thảo luận']);
    expect(record.speeches).toEqual([]);
    expect(ngheAn.siteId).toBe(siteNamed(ngheAn.store, ngheAn.id, 'tỉnh Nghệ An').id);
  });

  it('merges the three reports as updates and additions (no conflict), and the minutes count them', () => {
    const { central, id, reports } = threeSites();
    const result = mergeReports(central, id, readReports(reports));
    expect(result.summary).toBe('3 báo cáo: 3 nhập, 0 có khác biệt cần chọn, 0 bị từ chối. 4 mục mới, 2 mục cập nhật.');
    const changed = result.reports.map((r) => r.records.filter((x) => x.outcome !== 'unchanged').map((x) => [x.outcome, x.label]));
    expect(changed).toEqual([
      [
        ['updated', 'Trần Văn Khoa'],
        ['added', 'Phát biểu của Nguyễn Văn Thông lúc 14:30'],
      ],
      [
        ['added', 'Võ Văn Sơn'],
        ['added', 'Đặng Thị Hoa'],
        ['added', 'Phát biểu của Phan Văn Lâm lúc 15:10'],
      ],
      [['updated', 'xã 1']],
    ]);
    expect(central.meetings.get(id).title).toBe('Hội nghị trực tuyến sơ kết 6 tháng');

    const texts = modelTexts(buildMinutes(getMeetingRecord(central, id), PROFILE, {}));
    positionsInOrder(texts, [
      '1. Thành phần hội nghị',
      '1.1. Tại điểm cầu Trung ương: 01 đại biểu: đồng chí Trương Thị Mai - Trưởng ban Tổ chức Trung ương, chủ trì hội nghị.',
      '1.2. Tại điểm cầu tỉnh Nghệ An: 02 đại biểu: đồng chí Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy, chủ trì tại điểm cầu; ' +
        'đồng chí Lê Đức Cường - Trưởng ban Tổ chức Tỉnh ủy.',
      'Vắng mặt: 01 đồng chí: đồng chí Trần Văn Khoa (vắng có lý do: đi công tác).',
      '1.3. Tại điểm cầu tỉnh Hà Tĩnh: 01 đại biểu: đồng chí Võ Văn Sơn - Bí thư Tỉnh ủy, chủ trì tại điểm cầu.',
      'Vắng mặt: 01 đồng chí: đồng chí Đặng Thị Hoa (vắng có lý do: ốm).',
      '1.4. Tại 02 điểm cầu cấp xã: 32 đại biểu.',
      'Tổng số: 05 điểm cầu (01 điểm cầu Trung ương, 02 điểm cầu cấp tỉnh, 02 điểm cầu cấp xã), 36 đại biểu có mặt; vắng mặt 02 đồng chí.',
    ]);
    expect(texts.some((t) => t.includes('Nghệ An đề xuất ba nhóm giải pháp.'))).toBe(true);
    expect(texts.some((t) => t.includes('Hà Tĩnh báo cáo.'))).toBe(true);

    // Replayed: nothing changes.
    const once = snapshot(central);
    expect(mergeReports(central, id, readReports(reports)).totals).toMatchObject({ added: 0, updated: 0, conflict: 0 });
    expect(snapshot(central)).toEqual(once);
  });

  it('without the expected attendees, each site lists its own', () => {
    const { central, id, reports } = threeSites(false);
    const result = mergeReports(central, id, readReports(reports));
    expect(result.totals).toMatchObject({ conflict: 0, refused: 0 });
    const ngheAn = siteNamed(central, id, 'tỉnh Nghệ An');
    // The centre had its three; the site's three are other records (new identities), added beside them.
    expect(central.attendees.list(id).filter((a) => a.siteId === ngheAn.id).length).toBe(6);
  });

  it('still shows a conflict when the centre changed the record too after sending the package', () => {
    const { central, id, reports } = threeSites();
    const khoa = central.attendees.list(id).find((a) => a.fullName === 'Trần Văn Khoa');
    central.attendees.update(khoa?.id ?? 0, { presence: 'late', presenceTime: '14:20' });
    const xa = siteNamed(central, id, 'xã 1');
    central.sites.update(xa.id, { attendeeCount: 15 });
    const result = mergeReports(central, id, readReports(reports));
    expect(result.reports.flatMap((r) => r.records.filter((x) => x.outcome === 'conflict').map((x) => x.label))).toEqual(['Trần Văn Khoa', 'xã 1']);
    expect(central.attendees.list(id).find((a) => a.fullName === 'Trần Văn Khoa')?.presence).toBe('late');
  });
});

describe('packages refused', () => {
  const refusedAt = (path: string, message: RegExp) => {
    const bytes = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(() => readSitePackage(path)).toThrow(message);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(bytes);
  };

  it('a meeting file, a package without identities, a newer package, a truncated one', () => {
    const dir = tempDir();
    const { store, id } = centre();
    const meetingFile = join(dir, 'hoi-nghi.json');
    exportMeetingFile(store, id, meetingFile);
    refusedAt(meetingFile, /không phải là gói hội nghị gửi các điểm cầu/);
    const good = join(dir, 'goi.json');
    exportSitePackage(store, id, good, { withAttendees: true });
    const json = JSON.parse(readFileSync(good, 'utf8')) as { version: number; meeting: { sites: { uuid?: string }[] } };
    const edit = (name: string, change: (j: typeof json) => void) => {
      const copy = structuredClone(json);
      change(copy);
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(copy));
      return path;
    };
    refusedAt(
      edit('khong-ma.json', (j) => {
        delete j.meeting.sites[1]?.uuid;
      }),
      /Gói hội nghị không hợp lệ.*thiếu mã định danh/,
    );
    refusedAt(
      edit('moi.json', (j) => {
        j.version = 2;
      }),
      /phiên bản Biên Bản mới hơn/,
    );
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, readFileSync(good).subarray(0, 300));
    refusedAt(cut, /JSON/);
  });

  it('a site the package does not have; a failed export records no bases', () => {
    const dir = tempDir();
    const { store, id } = centre();
    const path = join(dir, 'goi.json');
    exportSitePackage(store, id, path, { withAttendees: false });
    expect(() => openSitePackage(memoryStore(), readSitePackage(path), '0b7f4a1e-2c3d-4e5f-9a6b-7c8d9e0f1a2b')).toThrow(/không có điểm cầu đã chọn/);
    const other = centre();
    const before = snapshot(other.store);
    expect(() => exportSitePackage(other.store, other.id, join(dir, 'khong-co', 'goi.json'), { withAttendees: true })).toThrow();
    expect(snapshot(other.store)).toEqual(before);
  });
});

describe('the documented schemas', () => {
  it('docs/meeting-package.schema.json and docs/site-report.schema.json are what npm run docs:schema writes', () => {
    expect(readFileSync(new URL('../docs/meeting-package.schema.json', import.meta.url), 'utf8')).toBe(sitePackageJsonSchema());
    expect(readFileSync(new URL('../docs/site-report.schema.json', import.meta.url), 'utf8')).toBe(siteReportJsonSchema());
  });
});
