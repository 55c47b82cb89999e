// Benchmark: text normalisation and field validation on pathological text (long runs of white space,
// long runs of combining marks, an 80 KB title) against normal Vietnamese text of the same size, in the
// same run. Each must stay within a small factor of the normal text: normalising is linear.
// Run: npm run bench -- text
import { performance } from 'node:perf_hooks';
import { meetingFields } from '../shared/model/meeting.ts';
import { normalizeLine, normalizeText } from '../shared/text.ts';

const RUNS = 15;
const FACTOR = 5;
const SIZE = 80_000;
const PROSE = 'Đồng chí Nguyễn Văn Thông, Phó Bí thư Thường trực Tỉnh ủy, phát biểu về kết quả thực hiện nhiệm vụ quý III. ';
const normal = (size: number) => PROSE.repeat(Math.ceil(size / PROSE.length)).slice(0, size);
const pad = (inner: string, size: number) => `Hội${inner.repeat(Math.ceil((size - 6) / inner.length)).slice(0, size - 6)}nghị`;

const median = (work: () => unknown) => {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1] ?? NaN;
};

const CASES: { name: string; text: string }[] = [
  { name: 'spaces between two words', text: pad(' ', SIZE) },
  { name: 'tabs between two words', text: pad('\t', SIZE) },
  { name: 'spaces then a line break, repeated', text: pad(`${' '.repeat(1000)}x\n`, SIZE) },
  { name: 'one combining mark repeated', text: pad('\u0301', SIZE) },
  { name: 'combining marks of two classes alternating', text: pad('\u0323\u0301', SIZE) },
  { name: 'decomposed Vietnamese (NFD)', text: normal(SIZE).normalize('NFD').slice(0, SIZE) },
];

const OPERATIONS: { name: string; run: (text: string) => unknown }[] = [
  { name: 'normalizeText', run: normalizeText },
  { name: 'normalizeLine', run: normalizeLine },
  { name: 'meeting title (validation)', run: (text) => meetingFields.safeParse({ title: text }) },
  { name: 'meeting content (validation)', run: (text) => meetingFields.safeParse({ content: text.slice(0, 20_000) }) },
];

let ok = true;
console.log(`Normal text: ${SIZE.toLocaleString('en')} characters of Vietnamese prose; ${RUNS} runs, medians; target < ${FACTOR}× normal (+0.5 ms)`);
for (const operation of OPERATIONS) {
  const baseline = median(() => operation.run(normal(SIZE)));
  console.log(`${operation.name}: normal ${baseline.toFixed(2)} ms`);
  for (const c of CASES) {
    const time = median(() => operation.run(c.text));
    const within = time <= baseline * FACTOR + 0.5;
    ok &&= within;
    console.log(`  ${c.name}: ${time.toFixed(2)} ms (${(time / baseline).toFixed(1)}×) ${within ? 'OK' : 'OVER TARGET'}`);
  }
}
process.exitCode = ok ? 0 : 1;
