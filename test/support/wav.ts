// The fake microphone of the browser suites and benches (Chromium's --use-file-for-fake-audio-capture loops it).
const RATE = 48_000;

/** Mono 16-bit PCM: a second of tone, half a second of silence, in turn, for ten seconds. */
export function toneWav(): Buffer {
  const samples = RATE * 10;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / RATE;
    const inTone = t % 1.5 < 1;
    const frequency = 330 + 110 * Math.floor(t / 1.5);
    data.writeInt16LE(inTone ? Math.round(Math.sin(2 * Math.PI * frequency * t) * 12_000) : 0, i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The switches that give Chromium a fake microphone playing wav, granted without asking. */
export const fakeMicrophone = (wav: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${wav}`,
];
