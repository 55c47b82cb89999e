// The text normalisation as its definition: every step of normalizeText applied unconditionally, each regular
// expression over the whole text. normalizeText's pre-scan and fast path must give what this gives.
import { MAX_COMBINING_RUN } from '../../shared/text.ts';

export const referenceNormalizeText = (value: string): string =>
  value
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(new RegExp(`(\\p{M}{${MAX_COMBINING_RUN}})\\p{M}+`, 'gu'), '$1')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- the step defined
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/^[\u00B7\u2022\u25AA\u25CF\u25E6\uF0A7\uF0B7\uF0D8\u00A7o\-\u2013]\t[ \t]*/gm, '- ')
    .replace(/^(\d{1,3}[.)]|[a-zđ][.)])\t[ \t]*/gm, '$1 ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
