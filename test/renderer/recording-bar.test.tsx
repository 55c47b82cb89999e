// @vitest-environment jsdom
// The recording bar tells the editor when a part opens or closes (so it asks again which speeches have a clip),
// not when it mounts: the editor asks for itself then.
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RecorderState } from '../../renderer/screens/editor/audio/useRecorder.ts';

const recorder = vi.hoisted(() => ({ state: { status: 'idle' } as RecorderState }));
vi.mock('../../renderer/screens/editor/audio/useRecorder.ts', () => ({
  useRecorder: () => ({ state: recorder.state, level: 0, start: async () => {}, stop: async () => {} }),
}));
const { RecordingBar } = await import('../../renderer/screens/editor/audio/RecordingBar.tsx');

describe('recording bar', () => {
  it('tells of a part opened and closed, once each, and nothing on mount', () => {
    const onChange = vi.fn();
    const shown = (state: RecorderState) => {
      recorder.state = state;
      return <RecordingBar meetingId={1} onChange={onChange} />;
    };
    const { rerender } = render(shown({ status: 'idle' }));
    expect(onChange).not.toHaveBeenCalled();
    rerender(shown({ status: 'starting' }));
    expect(onChange).not.toHaveBeenCalled();
    const part = { meetingId: 1, part: 1 } as Extract<RecorderState, { status: 'recording' }>['part'];
    rerender(shown({ status: 'recording', part, since: Date.now() }));
    expect(onChange).toHaveBeenCalledTimes(1);
    rerender(shown({ status: 'stopping' }));
    rerender(shown({ status: 'idle' }));
    expect(onChange).toHaveBeenCalledTimes(2);
    rerender(shown({ status: 'idle' }));
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
