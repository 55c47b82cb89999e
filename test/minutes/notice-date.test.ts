import { describe, expect, it } from 'vitest';
import { documents } from '../../electron/minutes/documents.ts';
import { memoryStore } from '../support/store.ts';

describe('the date of the thông báo kết luận', () => {
  it('is the one recorded for the meeting, so exporting again later prints the same document', () => {
    const store = memoryStore();
    store.profile.update({ placeName: 'Hà Nội', issuingBody: 'Ban Tổ chức Trung ương', abbreviation: 'BTCTW' });
    const id = store.meetings.create({ title: 'Giao ban quý III', date: '2021-09-30', noticeNumber: 12, noticeDate: '2021-10-05' }).id;
    const notice = documents.preview(store, { meetingId: id, kind: 'notice' });
    expect(notice.html).toContain('Hà Nội, ngày 05 tháng 10 năm 2021');
    expect(notice.missing).not.toContain('Chưa có ngày ban hành thông báo.');
  });

  // It used to take the day of the export silently: a document exported again later then said another date.
  it('is left for the signature, "ngày … tháng … năm …", and the secretary is told, when none is recorded', () => {
    const store = memoryStore();
    store.profile.update({ placeName: 'Hà Nội' });
    const id = store.meetings.create({ title: 'Giao ban quý III' }).id;
    const notice = documents.preview(store, { meetingId: id, kind: 'notice' });
    expect(notice.html).toContain('Hà Nội, ngày … tháng … năm …');
    expect(notice.html).not.toContain(`năm ${new Date().getFullYear()}`);
    expect(notice.missing).toContain('Chưa có ngày ban hành thông báo (Thông tin chung, “Ngày thông báo kết luận”).');
  });

  it('refuses a date that does not exist', () => {
    const store = memoryStore();
    const id = store.meetings.create({}).id;
    expect(() => store.meetings.update(id, { noticeDate: '2021-02-29' })).toThrow('Ngày thông báo kết luận: không phải là ngày có thật');
  });
});
