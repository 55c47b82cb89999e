// The Word files of the 2021 fixture, read back with an independent reader (jszip + fast-xml-parser).
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/minutes/docx.ts';
import { getMeetingRecord } from '../../electron/services/meetings.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import type { DocumentModel } from '../../shared/minutes/document.ts';
import { buildMinutes } from '../../shared/minutes/model.ts';
import { buildNotice } from '../../shared/minutes/notice.ts';
import type { MeetingRecord } from '../../shared/model/meeting.ts';
import { allParagraphs, readDocx, texts, type DocxInfo, type ParagraphInfo, type TableInfo } from './docx-reader.ts';
import { positionsInOrder, PROFILE, withFixture } from './support.ts';

const TNR = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'Times New Roman' };
// The spec's numbers, in twips: A4 portrait; margins 20 / 20 / 30 / 15 mm.
const A4 = { width: 11906, height: 16838, orient: 'portrait' };
const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 850 };

let record: MeetingRecord;
const files: Record<'party' | 'state' | 'notice' | 'stateNotice', DocxInfo> = {} as Record<'party' | 'state' | 'notice' | 'stateNotice', DocxInfo>;

beforeAll(async () => {
  const store = createStore(openDatabase(':memory:'));
  record = getMeetingRecord(store, withFixture(store));
  store.db.close();
  files.party = await readDocx(await renderDocx(buildMinutes(record, PROFILE, { format: 'party' })));
  files.state = await readDocx(await renderDocx(buildMinutes(record, PROFILE, { format: 'state' })));
  files.notice = await readDocx(await renderDocx(buildNotice(record, PROFILE, { issuedOn: '2021-10-05' })));
  files.stateNotice = await readDocx(await renderDocx(buildNotice(record, PROFILE, { format: 'state', issuedOn: '2021-10-05' })));
});

const paragraph = (info: DocxInfo, text: string): ParagraphInfo => {
  const found = allParagraphs(info.blocks).find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
};
/** The one style of all runs of a paragraph. */
const style = (p: ParagraphInfo) => {
  const [first, ...rest] = p.runs;
  for (const run of rest) expect({ ...run, text: '' }).toEqual({ ...first, text: '' });
  return { sizePt: first?.sizePt, bold: first?.bold, italic: first?.italic, underline: first?.underline };
};
const tables = (info: DocxInfo): TableInfo[] => info.blocks.filter((b): b is TableInfo => b.type === 'table');
const cellTexts = (t: TableInfo) => t.rows.map((row) => row.map((cell) => cell.map((p) => p.text).filter(Boolean)));
/** The paragraph after the one with this text (the drawn rule under it). */
const after = (info: DocxInfo, text: string): ParagraphInfo | undefined => {
  const all = allParagraphs(info.blocks);
  return all[all.findIndex((p) => p.text === text) + 1];
};

describe.each(['party', 'state', 'notice', 'stateNotice'] as const)('%s: page and fonts', (name) => {
  it('is A4 portrait with the margins of the spec', () => {
    expect(files[name].page).toEqual(A4);
    expect(files[name].marginsTwips).toMatchObject(MARGINS);
  });

  it('uses Times New Roman in all four font slots, in the defaults and in every run', () => {
    expect(files[name].defaults.fonts).toEqual(TNR);
    const runs = allParagraphs(files[name].blocks).flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs) expect(run.fonts).toEqual(TNR);
  });

  it('numbers the pages in the header, centred, on every page but the first', () => {
    const { titlePage, headers } = files[name];
    expect(titlePage).toBe(true);
    expect(headers.first?.flatMap((p) => p.fields)).toEqual([]);
    const [number] = headers.default ?? [];
    expect(number?.fields.map((f) => f.trim())).toEqual(['PAGE']);
    expect(number?.align).toBe('center');
  });
});

describe('the Party minutes', () => {
  it('opens with the borderless two-column header table', () => {
    const [header] = tables(files.party);
    expect(files.party.blocks[0]).toBe(header);
    if (!header) return;
    expect(Object.values(header.borders).every((b) => b === 'none')).toBe(true);
    // As wide as the text, to the twip's rounding.
    expect(Math.abs(header.gridTwips.reduce((a, b) => a + b, 0) - (A4.width - MARGINS.left - MARGINS.right))).toBeLessThanOrEqual(2);
    expect(cellTexts(header)).toEqual([
      [['BAN TỔ CHỨC TRUNG ƯƠNG', '*'], ['ĐẢNG CỘNG SẢN VIỆT NAM']],
      [['Số 05-BB/BTCTW'], ['Hà Nội, ngày 30 tháng 9 năm 2021']],
    ]);
    expect(style(paragraph(files.party, 'ĐẢNG CỘNG SẢN VIỆT NAM'))).toEqual({ sizePt: 15, bold: true, italic: false, underline: false });
    expect(style(paragraph(files.party, 'BAN TỔ CHỨC TRUNG ƯƠNG'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    expect(style(paragraph(files.party, 'Số 05-BB/BTCTW'))).toEqual({ sizePt: 14, bold: false, italic: false, underline: false });
    expect(style(paragraph(files.party, 'Hà Nội, ngày 30 tháng 9 năm 2021'))).toEqual({ sizePt: 14, bold: false, italic: true, underline: false });
    // A solid rule under ĐẢNG CỘNG SẢN VIỆT NAM, centred: an empty paragraph with a top border and equal indents.
    const rule = after(files.party, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(rule?.text).toBe('');
    expect(rule?.borders).toEqual(['top']);
    expect(rule?.indent.left).toBe(rule?.indent.right);
    // About as long as the text: 15 pt bold capitals, some 7 cm, in a column of 8.7 cm.
    const ruleCm = ((header.gridTwips[1] ?? 0) - 2 * 57 - 2 * (rule?.indent.left ?? 0)) / 567;
    expect(ruleCm).toBeGreaterThan(6.5);
    expect(ruleCm).toBeLessThan(8);
  });

  it('has the title, the sub-title and the line of dashes, centred and bold', () => {
    positionsInOrder(texts(files.party.blocks), [
      'Hà Nội, ngày 30 tháng 9 năm 2021',
      'BIÊN BẢN',
      'Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III năm 2021',
      '-----',
      'Thời gian: vào hồi 14 giờ 00, ngày 30 tháng 9 năm 2021.',
    ]);
    expect(style(paragraph(files.party, 'BIÊN BẢN'))).toEqual({ sizePt: 16, bold: true, italic: false, underline: false });
    expect(style(paragraph(files.party, 'Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III năm 2021'))).toEqual({
      sizePt: 14,
      bold: true,
      italic: false,
      underline: false,
    });
    for (const text of ['BIÊN BẢN', '-----']) expect(paragraph(files.party, text).align).toBe('center');
  });

  it('has every site, attendee, position, speech and conclusion of the report, in meeting order', () => {
    positionsInOrder(texts(files.party.blocks), [
      'Địa điểm: trực tuyến từ điểm cầu Trụ sở Ban Tổ chức Trung ương đến điểm cầu Nghệ An.',
      'Người chủ trì: đồng chí Trương Thị Mai - Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương.',
      'Người ghi biên bản: …',
      '1. Thành phần hội nghị',
      '1.1. Tại điểm cầu Trụ sở Ban Tổ chức Trung ương: 01 đại biểu: đồng chí Trương Thị Mai - Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, ' +
        'Trưởng ban Tổ chức Trung ương, chủ trì hội nghị.',
      '1.2. Tại điểm cầu Nghệ An: 02 đại biểu: đồng chí Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy, chủ trì tại điểm cầu; ' +
        'đồng chí Lê Đức Cường - Ủy viên Ban Thường vụ, Trưởng ban Tổ chức Tỉnh ủy.',
      'Tổng số: 02 điểm cầu (01 điểm cầu Trung ương, 01 điểm cầu cấp tỉnh), 03 đại biểu có mặt.',
      '2. Diễn biến hội nghị',
      '2.1. Báo cáo kết quả thực hiện nhiệm vụ quý III, triển khai nhiệm vụ quý IV năm 2021',
      /^Ban Tổ chức Trung ương báo cáo: Trong quý III\/2021, trong bối cảnh đại dịch Covid-19/,
      /^Đến nay đã cơ bản hoàn thành 19\/28 đề án/,
      '2.2. Quán triệt một số văn bản mới về công tác tổ chức xây dựng Đảng',
      '2.3. Thảo luận',
      /^Các địa phương trao đổi, chia sẻ những kinh nghiệm/,
      /^Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương phát biểu chỉ đạo: Đề nghị các đơn vị/,
      '3. Kết luận',
      'Đồng chí Trương Thị Mai, chủ trì hội nghị kết luận:',
      /^Từ nay đến cuối năm, ngành Tổ chức xây dựng Đảng có nhiều việc quan trọng/,
      /^Tiếp tục đẩy mạnh thực hiện Nghị quyết Trung ương 4 \(khóa XI, XII\)/,
      'Hội nghị kết thúc vào hồi 17 giờ 00 cùng ngày. Biên bản đã được thông qua trước hội nghị.',
      'NGƯỜI GHI BIÊN BẢN',
      '…',
      'CHỦ TRÌ HỘI NGHỊ',
      'Trương Thị Mai',
      'Nơi nhận:',
      '- Các đồng chí Ủy viên Ban Thường vụ;',
      '- Các vụ, đơn vị thuộc Ban;',
      '- Ban Tổ chức các tỉnh ủy, thành ủy;',
      '- Lưu Văn phòng Ban.',
    ]);
  });

  it('writes the body at 14 pt, justified, 1 cm first-line indent, 6 pt after, exactly 18 pt lines, labels in bold', () => {
    const time = paragraph(files.party, 'Thời gian: vào hồi 14 giờ 00, ngày 30 tháng 9 năm 2021.');
    expect(time.align).toBe('both');
    expect(time.indent.firstLine).toBe(567);
    expect(time.spacing).toMatchObject({ after: 120, line: 360, lineRule: 'exact' });
    expect(time.runs.map((r) => [r.text, r.sizePt, r.bold, r.italic])).toEqual([
      ['Thời gian: ', 14, true, false],
      ['vào hồi 14 giờ 00, ngày 30 tháng 9 năm 2021.', 14, false, false],
    ]);
    expect(style(paragraph(files.party, '1. Thành phần hội nghị'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    expect(style(paragraph(files.party, '2.3. Thảo luận'))).toEqual({ sizePt: 14, bold: true, italic: true, underline: false });
    expect(paragraph(files.party, '2.3. Thảo luận').keepNext).toBe(true);
    const site = allParagraphs(files.party.blocks).find((p) => p.text.startsWith('1.2. Tại điểm cầu Nghệ An'));
    expect(site?.runs.map((r) => [r.text.slice(0, 30), r.bold])).toEqual([
      ['1.2. Tại điểm cầu Nghệ An: ', true],
      ['02 đại biểu: đồng chí Nguyễn V', false],
    ]);
  });

  it('signs in a borderless table and ends with Nơi nhận underlined at 14 pt, items at 12 pt', () => {
    const signatures = tables(files.party)[1];
    if (!signatures) throw new Error('no signature table');
    expect(Object.values(signatures.borders).every((b) => b === 'none')).toBe(true);
    expect(cellTexts(signatures)).toEqual([
      [
        ['NGƯỜI GHI BIÊN BẢN', '…'],
        ['CHỦ TRÌ HỘI NGHỊ', 'Trương Thị Mai'],
      ],
    ]);
    expect(style(paragraph(files.party, 'CHỦ TRÌ HỘI NGHỊ'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    expect(style(paragraph(files.party, 'Trương Thị Mai'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    // The closing line stays on the signatures' page.
    expect(paragraph(files.party, 'Hội nghị kết thúc vào hồi 17 giờ 00 cùng ngày. Biên bản đã được thông qua trước hội nghị.').keepNext).toBe(true);
    expect(style(paragraph(files.party, 'Nơi nhận:'))).toEqual({ sizePt: 14, bold: false, italic: false, underline: true });
    expect(style(paragraph(files.party, '- Lưu Văn phòng Ban.'))).toEqual({ sizePt: 12, bold: false, italic: false, underline: false });
    expect(paragraph(files.party, '- Lưu Văn phòng Ban.').align).toBe('left');
  });

  it('keeps Nơi nhận with its items: the label and every item but the last stay with the next line, in both formats', () => {
    for (const file of [files.party, files.state]) {
      const all = allParagraphs(file.blocks);
      const label = all.findIndex((p) => p.text === 'Nơi nhận:');
      expect(all.slice(label, label + 5).map((p) => [p.text, p.keepNext])).toEqual([
        ['Nơi nhận:', true],
        ['- Các đồng chí Ủy viên Ban Thường vụ;', true],
        ['- Các vụ, đơn vị thuộc Ban;', true],
        ['- Ban Tổ chức các tỉnh ủy, thành ủy;', true],
        ['- Lưu Văn phòng Ban.', false],
      ]);
      expect(all.slice(label + 5).every((p) => p.text === '')).toBe(true);
    }
  });
});

describe('the State minutes', () => {
  it('has quốc hiệu and tiêu ngữ with its rule, the issuing body with a short rule, "Số: 05/BB-BTCTW" at 13 pt', () => {
    const [header] = tables(files.state);
    if (!header) throw new Error('no header table');
    expect(files.state.blocks[0]).toBe(header);
    expect(Object.values(header.borders).every((b) => b === 'none')).toBe(true);
    expect(cellTexts(header)).toEqual([
      [['BAN TỔ CHỨC TRUNG ƯƠNG'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']],
      [['Số: 05/BB-BTCTW'], ['Hà Nội, ngày 30 tháng 9 năm 2021']],
    ]);
    expect(style(paragraph(files.state, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toEqual({ sizePt: 12, bold: true, italic: false, underline: false });
    expect(style(paragraph(files.state, 'Độc lập - Tự do - Hạnh phúc'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    expect(style(paragraph(files.state, 'BAN TỔ CHỨC TRUNG ƯƠNG'))).toEqual({ sizePt: 13, bold: true, italic: false, underline: false });
    expect(style(paragraph(files.state, 'Số: 05/BB-BTCTW'))).toEqual({ sizePt: 13, bold: false, italic: false, underline: false });
    expect(style(paragraph(files.state, 'Hà Nội, ngày 30 tháng 9 năm 2021'))).toEqual({ sizePt: 14, bold: false, italic: true, underline: false });
    const motto = after(files.state, 'Độc lập - Tự do - Hạnh phúc');
    const body = after(files.state, 'BAN TỔ CHỨC TRUNG ƯƠNG');
    expect(motto?.borders).toEqual(['top']);
    expect(body?.borders).toEqual(['top']);
    // The issuing body's rule is a fraction of its width: much shorter than the tiêu ngữ's.
    const ruleLength = (p: ParagraphInfo | undefined, column: number) => column - 2 * 57 - 2 * (p?.indent.left ?? 0);
    expect(ruleLength(body, header.gridTwips[0] ?? 0)).toBeLessThan(ruleLength(motto, header.gridTwips[1] ?? 0) * 0.7);
  });

  it('has the title at 14 pt with a short solid rule under the sub-title, no dashes', () => {
    expect(style(paragraph(files.state, 'BIÊN BẢN'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    expect(after(files.state, 'Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III năm 2021')?.borders).toEqual(['top']);
    expect(texts(files.state.blocks)).not.toContain('-----');
  });

  it('uses the State words and ends with "./."', () => {
    positionsInOrder(texts(files.state.blocks), [
      'Chủ trì: đồng chí Trương Thị Mai - Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương.',
      'Thư ký: …',
      '1. Thành phần tham dự',
      '2. Diễn biến cuộc họp',
      '3. Kết luận',
      'Cuộc họp kết thúc vào 17 giờ 00, ngày 30 tháng 9 năm 2021. Biên bản đã được thông qua trước cuộc họp./.',
      'THƯ KÝ',
      'CHỦ TỌA',
      'Trương Thị Mai',
      'Nơi nhận:',
    ]);
    expect(style(paragraph(files.state, 'Nơi nhận:'))).toEqual({ sizePt: 12, bold: true, italic: true, underline: false });
    expect(style(paragraph(files.state, '- Lưu Văn phòng Ban.'))).toEqual({ sizePt: 11, bold: false, italic: false, underline: false });
    const body = paragraph(files.state, 'Tổng số: 02 điểm cầu (01 điểm cầu Trung ương, 01 điểm cầu cấp tỉnh), 03 đại biểu có mặt.');
    expect(body.spacing).toMatchObject({ after: 120, line: 276, lineRule: 'auto' });
  });
});

describe('the notice', () => {
  it('has its own TB number, the title THÔNG BÁO, the conclusions only, and the signer beside Nơi nhận', () => {
    const [header, signatures] = tables(files.notice);
    if (!header || !signatures) throw new Error('tables missing');
    expect(cellTexts(header)).toEqual([
      [['BAN TỔ CHỨC TRUNG ƯƠNG', '*'], ['ĐẢNG CỘNG SẢN VIỆT NAM']],
      [['Số 12-TB/BTCTW'], ['Hà Nội, ngày 05 tháng 10 năm 2021']],
    ]);
    const all = texts(files.notice.blocks);
    positionsInOrder(all, [
      'THÔNG BÁO',
      /^Kết luận của đồng chí Trương Thị Mai, .* tại Hội nghị giao ban/,
      '-----',
      'Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, đồng chí Trương Thị Mai kết luận như sau:',
      'Thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.',
    ]);
    expect(all.some((t) => t.startsWith('Ban Tổ chức Trung ương báo cáo'))).toBe(false);
    expect(cellTexts(signatures)).toEqual([
      [
        ['Nơi nhận:', '- Các đồng chí Ủy viên Ban Thường vụ;', '- Các vụ, đơn vị thuộc Ban;', '- Ban Tổ chức các tỉnh ủy, thành ủy;', '- Lưu Văn phòng Ban.'],
        ['T/L TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG', 'Nguyễn Văn A'],
      ],
    ]);
    expect(style(paragraph(files.notice, 'T/L TRƯỞNG BAN'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    // Party: the position in capitals, not bold; State: bold.
    expect(style(paragraph(files.notice, 'CHÁNH VĂN PHÒNG'))).toEqual({ sizePt: 14, bold: false, italic: false, underline: false });
    expect(style(paragraph(files.stateNotice, 'CHÁNH VĂN PHÒNG'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    expect(style(paragraph(files.notice, 'Nguyễn Văn A'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    expect(texts(files.stateNotice.blocks)).toContain('Thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.');
  });
});

describe('the confidentiality mark', () => {
  it('stands under the number, in bold capitals, when set', async () => {
    const secret: MeetingRecord = structuredClone(record);
    secret.meeting.confidentiality = 'toi_mat';
    const info = await readDocx(await renderDocx(buildMinutes(secret, { ...PROFILE, superiorBody: 'Ban Chấp hành Trung ương' })));
    const [header] = tables(info);
    if (!header) throw new Error('no header table');
    expect(cellTexts(header)).toEqual([
      [['BAN CHẤP HÀNH TRUNG ƯƠNG', 'BAN TỔ CHỨC TRUNG ƯƠNG', '*'], ['ĐẢNG CỘNG SẢN VIỆT NAM']],
      [['Số 05-BB/BTCTW', 'TỐI MẬT'], ['Hà Nội, ngày 30 tháng 9 năm 2021']],
    ]);
    expect(style(paragraph(info, 'TỐI MẬT'))).toEqual({ sizePt: 14, bold: true, italic: false, underline: false });
    expect(style(paragraph(info, 'BAN CHẤP HÀNH TRUNG ƯƠNG'))).toEqual({ sizePt: 14, bold: false, italic: false, underline: false });
    expect(texts(files.party.blocks).some((t) => t.includes('MẬT'))).toBe(false);
  });
});

describe('text written into the file', () => {
  const model = (text: string): DocumentModel => ({
    kind: 'minutes',
    format: 'party',
    author: '',
    title: '',
    missing: [],
    advice: [],
    blocks: [{ type: 'paragraph', role: 'body', runs: [{ text }] }],
  });

  it('turns a newline inside a run into a line break', async () => {
    const info = await readDocx(await renderDocx(model('Dòng một\nDòng hai')));
    expect(texts(info.blocks)).toEqual(['Dòng một\nDòng hai']);
  });

  it('never contains an XML-illegal character, even from a record that bypassed the store', async () => {
    const dirty: MeetingRecord = structuredClone(record);
    dirty.meeting.title = 'Hội nghị\u0001 giao\u000B ban\uFFFE';
    const [speech] = dirty.speeches;
    if (speech) speech.content = 'Báo\u0008 cáo\u001F.';
    const bytes = await renderDocx(buildMinutes(dirty, PROFILE));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
    expect(xml).toBeDefined();
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const info = await readDocx(bytes);
    expect(texts(info.blocks)).toContain('Hội nghị giao ban');
    expect(texts(info.blocks)).toContain('Ban Tổ chức Trung ương báo cáo: Báo cáo.');
  });
});
