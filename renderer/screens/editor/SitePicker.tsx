// One site chosen by a few letters of its name or place, accents optional: a meeting may have thousands of
// sites (3,356 at a national conference), too many for a drop-down list, which would also build them all.
import { useMemo, useRef, useState } from 'react';
import { fold } from '../../../shared/vietnamese/fold.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { formatCount } from '../../lib/format.ts';
import { siteName } from './SiteDetail.tsx';

const SHOWN = 12;

/** A site as the picker needs it: a site of the store, or one of a meeting package. */
interface NamedSite {
  name: string;
  location?: string;
}

/** The sites whose name or place holds the letters typed (accents and case aside), in their order. */
export function sitesMatching<T extends NamedSite>(query: string, sites: readonly T[]): readonly T[] {
  const q = fold(query.trim());
  return q ? sites.filter((s) => fold(`${s.name} ${s.location ?? ''}`).includes(q)) : sites;
}

export function SitePicker<T extends NamedSite>({
  label,
  sites,
  value,
  onChange,
  describe = (site) => site.location ?? '',
}: {
  label: string;
  sites: readonly T[];
  value: T | undefined;
  onChange(site: T): void;
  /** What is shown beside a site's name in the list; its place by default. */
  describe?: (site: T) => string;
}) {
  // What is being typed; null shows the chosen site.
  const [typed, setTyped] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => (typed === null ? [] : sitesMatching(typed, sites)), [typed, sites]);
  const options = useMemo(() => {
    const shown = matches.slice(0, SHOWN);
    const at = new Map(shown.map((site) => [site, sites.indexOf(site)]));
    return shown.map((site) => ({ id: at.get(site) ?? -1, label: siteName(site), detail: describe(site) }));
  }, [matches, sites, describe]);
  return (
    <Combobox
      label={label}
      text={typed ?? (value ? siteName(value) : '')}
      onText={setTyped}
      options={options}
      autoHighlight
      onPick={(option) => {
        const site = sites[option.id];
        setTyped(null);
        if (site) onChange(site);
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
