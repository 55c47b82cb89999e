// The recording control beside the meeting's sections: start and stop, a visible indicator with the time
// recorded, and a level meter (so a silent microphone is seen at once).
import { useEffect, useRef, useState } from 'react';
import { useRecorder } from './useRecorder.ts';

const clock = (ms: number) => {
  const total = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
};

export function RecordingBar({ meetingId, onChange }: { meetingId: number; /** A part was opened or closed. */ onChange?(): void }) {
  const { state, level, start, stop } = useRecorder(meetingId);
  const recording = state.status === 'recording';
  const idle = state.status === 'idle';
  // Told when a part opens or closes, not when the bar mounts (the editor asks for the recordings itself then).
  const wasRecording = useRef<boolean | null>(null);
  useEffect(() => {
    if (!recording && !idle) return;
    const was = wasRecording.current;
    wasRecording.current = recording;
    if (was !== null && was !== recording) onChange?.();
  }, [recording, idle, onChange]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (state.status !== 'recording') return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [state.status]);

  return (
    <div className={`recording-bar ${recording ? 'on' : ''}`}>
      {recording ? (
        <>
          <p role="status" className="recording-indicator">
            <span className="recording-dot" aria-hidden="true" /> Đang ghi âm (phần {state.part.part}) {clock(Math.max(0, now - state.since))}
          </p>
          <meter className="recording-level" aria-label="Mức âm thanh" min={0} max={1} low={0.05} high={0.8} optimum={0.3} value={level} />
          <button type="button" onClick={() => void stop()}>
            Dừng ghi âm
          </button>
        </>
      ) : (
        <button type="button" disabled={state.status !== 'idle'} onClick={() => void start()}>
          {state.status === 'stopping' ? 'Đang lưu bản ghi âm…' : state.status === 'starting' ? 'Đang bật micrô…' : 'Ghi âm'}
        </button>
      )}
    </div>
  );
}
