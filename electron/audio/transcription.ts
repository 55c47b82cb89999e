// The seam for speech recognition: an offline engine, once there is one, implements Transcriber; this
// module is the only place that hands it a speech's clip and puts the text it returns into the speech.
// No engine ships today.
import type { Clip } from '../../shared/audio.ts';
import { speechClips } from '../../shared/audio.ts';
import { AppError } from '../../shared/errors.ts';
import type { Store } from '../store/index.ts';
import type { AudioStore } from './store.ts';

export interface Transcriber {
  /** The words said in [clip.startMs, clip.endMs) of a part's sound (WebM/Opus, as recorded), in Vietnamese. */
  transcribe(sound: Uint8Array, clip: Clip, signal?: AbortSignal): Promise<string>;
}

/**
 * Fills a speech's text from its clip; a speech that already has text is left as the secretary wrote it.
 * Returns whether the text was filled.
 */
export async function transcribeSpeech(store: Store, audio: AudioStore, transcriber: Transcriber, speechId: number, signal?: AbortSignal): Promise<boolean> {
  const speech = store.speeches.get(speechId);
  if (speech.content.trim()) return false;
  const clip = speechClips([speech], audio.list(speech.meetingId))[0];
  if (!clip) throw new AppError('NOT_FOUND', 'Không có bản ghi âm trong thời gian của phát biểu này.');
  const text = await transcriber.transcribe(audio.read(speech.meetingId, clip.part), clip, signal);
  // The secretary may have typed meanwhile: her words win.
  if (store.speeches.get(speechId).content.trim() || !text.trim()) return false;
  store.speeches.update(speechId, { content: text });
  return true;
}
