// The line above the speeches of Diễn biến: how many were taken down, with "ý kiến phát biểu" counted as the
// minutes count them (isOpinion) and the other kinds named, so the number and the words agree.
import { isOpinion } from '../../../shared/minutes/proceedings.ts';
import type { Speech, SpeechKind } from '../../../shared/model/meeting.ts';
import { formatCount } from '../../lib/format.ts';

/** The kinds that are not opinions, in the order they are named, as nouns after a count. */
const OTHERS: readonly (readonly [SpeechKind, string])[] = [
  ['report', 'báo cáo'],
  ['explanation', 'giải trình'],
  ['direction', 'ý kiến chỉ đạo'],
];

export function speechTally(speeches: readonly Pick<Speech, 'kind'>[]): string {
  if (speeches.length === 0) return 'Chưa ghi phát biểu nào.';
  const opinions = speeches.filter(isOpinion).length;
  const parts = [
    ...(opinions > 0 ? [`${formatCount(opinions)} ý kiến phát biểu`] : []),
    ...OTHERS.flatMap(([kind, noun]) => {
      const n = speeches.filter((s) => s.kind === kind).length;
      return n > 0 ? [`${formatCount(n)} ${noun}`] : [];
    }),
  ];
  return parts.length === 1 ? `Đã ghi ${parts[0] ?? ''}.` : `Đã ghi ${formatCount(speeches.length)} phát biểu: ${parts.join(', ')}.`;
}
