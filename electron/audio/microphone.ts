// The one permission the window may get: the microphone (audio capture, no camera, no screen), asked by
// the app's own top-level page, while a part is being recorded. Everything else stays refused.
export interface MediaAsk {
  permission: string;
  /** What the page captures: a request lists them; a check names one. */
  mediaTypes: readonly string[];
  /** The asking page's URL or origin. */
  origin: string | undefined;
  isMainFrame: boolean;
}

const originOf = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
};

export function grantsMicrophone(ask: MediaAsk, appOrigin: string, recording: boolean): boolean {
  return (
    recording &&
    ask.permission === 'media' &&
    ask.isMainFrame &&
    ask.mediaTypes.length > 0 &&
    ask.mediaTypes.every((type) => type === 'audio') &&
    originOf(ask.origin) === appOrigin
  );
}
