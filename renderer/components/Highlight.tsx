// A passage with its matched stretches marked; React escapes the text.
import type { Passage } from '../../shared/search.ts';

export function Highlight({ passage }: { passage: Passage }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of passage.ranges) {
    if (start < at) continue;
    if (start > at) parts.push(<span key={`t${at}`}>{passage.text.slice(at, start)}</span>);
    parts.push(<mark key={`m${start}`}>{passage.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < passage.text.length) parts.push(<span key={`t${at}`}>{passage.text.slice(at)}</span>);
  return <>{parts}</>;
}
