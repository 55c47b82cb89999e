// Recording a meeting from the page: the main process opens a part (and only then allows the microphone),
// MediaRecorder captures Opus in WebM, and every chunk (one a second) goes to the main process as it comes,
// in order, so a crash loses at most the last seconds. A level meter reads the same stream.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AudioPart } from '../../../../shared/audio.ts';
import { errorMessage } from '../../../api.ts';
import { useClient, useToast } from '../../../context.tsx';

/** A chunk a second: what is lost in a crash is at most this plus the writer's sync interval. */
export const TIMESLICE_MS = 1_000;
export const RECORDING_TYPE = 'audio/webm;codecs=opus';
/** Opus at 32 kbit/s: clear speech, about 14.4 MB an hour. */
export const AUDIO_BITS_PER_SECOND = 32_000;
/** The level meter is read ten times a second, and redrawn only when it moves visibly: enough to see a silent microphone, cheap over hours. */
const METER_MS = 100;
const METER_STEP = 0.02;

export type RecorderState = { status: 'idle' } | { status: 'starting' } | { status: 'recording'; part: AudioPart; since: number } | { status: 'stopping' };

interface Session {
  part: AudioPart;
  stream: MediaStream;
  recorder: MediaRecorder;
  context: AudioContext;
  started: number;
  /** The chunks' writes, one after another. */
  queue: Promise<void>;
  meter: ReturnType<typeof setInterval> | undefined;
}

export function useRecorder(meetingId: number) {
  const client = useClient();
  const toast = useToast();
  const [state, setState] = useState<RecorderState>({ status: 'idle' });
  const [level, setLevel] = useState(0);
  const session = useRef<Session | null>(null);

  const release = (s: Session) => {
    clearInterval(s.meter);
    for (const track of s.stream.getTracks()) track.stop();
    void s.context.close();
    setLevel(0);
  };

  const start = useCallback(async () => {
    if (session.current) return;
    setState({ status: 'starting' });
    let part: AudioPart | null = null;
    try {
      part = await client.startRecording({ meetingId });
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
        video: false,
      });
      const recorder = new MediaRecorder(stream, { mimeType: RECORDING_TYPE, audioBitsPerSecond: AUDIO_BITS_PER_SECOND });
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const s: Session = { part, stream, recorder, context, started: performance.now(), queue: Promise.resolve(), meter: undefined };
      let shown = 0;
      const measure = () => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const x of samples) sum += x * x;
        const value = Math.min(1, Math.sqrt(sum / samples.length) * 4);
        if (Math.abs(value - shown) < METER_STEP) return;
        shown = value;
        setLevel(value);
      };
      recorder.ondataavailable = (event) => {
        if (event.data.size === 0) return;
        const endMs = Math.round(performance.now() - s.started);
        const { part: number } = s.part;
        s.queue = s.queue
          .then(async () => {
            await client.appendAudio({ meetingId, part: number, chunk: new Uint8Array(await event.data.arrayBuffer()), endMs });
          })
          .catch((error: unknown) => toast({ text: `Ghi âm bị gián đoạn: ${errorMessage(error)}`, tone: 'error' }));
      };
      session.current = s;
      recorder.start(TIMESLICE_MS);
      s.meter = setInterval(measure, METER_MS);
      setState({ status: 'recording', part, since: Date.now() });
    } catch (error) {
      if (part) await client.stopRecording({ meetingId, part: part.part }).catch(() => undefined);
      setState({ status: 'idle' });
      toast({ text: `Không ghi âm được: ${errorMessage(error)}`, tone: 'error' });
    }
  }, [client, meetingId, toast]);

  const stop = useCallback(async () => {
    const s = session.current;
    if (!s) return;
    setState({ status: 'stopping' });
    // The last chunk comes with 'stop'; then every write is waited for before the part is closed.
    await new Promise<void>((resolve) => {
      s.recorder.addEventListener('stop', () => resolve(), { once: true });
      s.recorder.stop();
    });
    release(s);
    await s.queue;
    session.current = null;
    try {
      await client.stopRecording({ meetingId, part: s.part.part });
    } catch (error) {
      toast({ text: `Không kết thúc được phần ghi âm: ${errorMessage(error)}`, tone: 'error' });
    }
    setState({ status: 'idle' });
  }, [client, meetingId, toast]);

  // Leaving the meeting stops its recording.
  const stopRef = useRef(stop);
  useEffect(() => {
    stopRef.current = stop;
  });
  useEffect(() => () => void stopRef.current(), []);

  return { state, level, start, stop };
}
