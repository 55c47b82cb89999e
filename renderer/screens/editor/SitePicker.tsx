// One site chosen by a few letters of its name or place, accents optional: a meeting may have thousands of
// sites (3,356 at a national conference), too many for a drop-down list, which would also build them all.
import { useMemo, useRef, useState } from 'react';
import type { Site } from '../../../shared/model/meeting.ts';
import { fold } from '../../../shared/vietnamese/fold.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { formatCount } from '../../lib/format.ts';
import { siteName } from './SiteDetail.tsx';

const SHOWN = 12;

/** The sites whose name or place holds the letters typed (accents and case aside), in their order. */
export function sitesMatching(query: string, sites: readonly Site[]): readonly Site[] {
  const q = fold(query.trim());
  return q ? sites.filter((s) => fold(`${s.name} ${s.location}`).includes(q)) : sites;
}

export function SitePicker({ label, sites, value, onChange }: { label: string; sites: readonly Site[]; value: number | null; onChange(id: number): void }) {
  // What is being typed; null shows the chosen site.
  const [typed, setTyped] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const chosen = sites.find((s) => s.id === value);
  const matches = useMemo(() => (typed === null ? [] : sitesMatching(typed, sites)), [typed, sites]);
  const options = useMemo(() => matches.slice(0, SHOWN).map((s) => ({ id: s.id, label: siteName(s), detail: s.location })), [matches]);
  return (
    <Combobox
      label={label}
      text={typed ?? (chosen ? siteName(chosen) : '')}
      onText={setTyped}
      options={options}
      autoHighlight
      onPick={(option) => {
        setTyped(null);
        onChange(option.id);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && typed !== null) setTyped(null);
      }}
      inputRef={input}
      // The chosen name is selected: the first letter typed starts a new search.
      onFocus={() => input.current?.select()}
      onBlur={() => setTyped(null)}
      placeholder="Gõ vài chữ của tên điểm cầu"
      footer={matches.length > SHOWN ? `${formatCount(matches.length)} điểm cầu khớp; gõ thêm để thu hẹp.` : undefined}
    />
  );
}
