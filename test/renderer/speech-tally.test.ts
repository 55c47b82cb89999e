// The count above the speeches of Diễn biến says "ý kiến phát biểu" only of what the minutes count so.
import { describe, expect, it } from 'vitest';
import type { SpeechKind } from '../../shared/model/meeting.ts';
import { isOpinion } from '../../shared/minutes/proceedings.ts';
import { speechTally } from '../../renderer/screens/editor/speech-tally.ts';

const of = (...kinds: SpeechKind[]) => kinds.map((kind) => ({ kind }));

describe('speech tally', () => {
  it('counts contributions and speeches as opinions, as the minutes do', () => {
    expect(of('contribution', 'speech', 'report', 'explanation', 'direction').filter(isOpinion)).toEqual(of('contribution', 'speech'));
    expect(speechTally(of('contribution', 'speech', 'contribution'))).toBe('Đã ghi 3 ý kiến phát biểu.');
  });

  it('names reports, explanations and directions instead of counting them as opinions', () => {
    expect(speechTally(of('report', 'contribution', 'contribution', 'contribution', 'direction'))).toBe(
      'Đã ghi 5 phát biểu: 3 ý kiến phát biểu, 1 báo cáo, 1 ý kiến chỉ đạo.',
    );
    expect(speechTally(of('direction', 'explanation', 'report'))).toBe('Đã ghi 3 phát biểu: 1 báo cáo, 1 giải trình, 1 ý kiến chỉ đạo.');
    expect(speechTally(of('report'))).toBe('Đã ghi 1 báo cáo.');
  });

  it('says when nothing is taken down yet', () => {
    expect(speechTally([])).toBe('Chưa ghi phát biểu nào.');
  });

  it('groups large counts the Vietnamese way', () => {
    expect(speechTally(of(...Array.from({ length: 1200 }, (): SpeechKind => 'contribution')))).toBe('Đã ghi 1.200 ý kiến phát biểu.');
  });
});
