// Dates and times as Vietnamese secretaries write them, whatever the system's locale: dd/mm/yyyy and
// 24-hour HH:MM. The page only reads the shape; whether the day or the hour exists is the store's call
// (31/02/2023 goes to the store as 2023-02-31 and comes back refused with its message).

/**
 * What was typed in a date field, for the store: YYYY-MM-DD, null when empty, undefined when it does
 * not read as a day, month and year ("25/7/2023", "25-07-2023", "25.07.2023" and "25072023" all do).
 */
export function dateFromText(text: string): string | null | undefined {
  const typed = text.trim();
  if (!typed) return null;
  const match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(typed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  if (!match) return undefined;
  const [, day = '', month = '', year = ''] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * What was typed in a time field, for the store: HH:MM, null when empty, undefined when it does not
 * read as hours and minutes ("8:30", "08.30", "8h30", "8 giờ 30", "0830" and "14h" all do).
 */
export function timeFromText(text: string): string | null | undefined {
  const typed = text.trim().toLowerCase();
  if (!typed) return null;
  const match =
    /^(\d{1,2})\s*(?::|\.|h|g|giờ)\s*(\d{2})(?:\s*(?:phút|p))?$/u.exec(typed) ?? /^(\d{2})(\d{2})$/.exec(typed) ?? /^(\d{1,2})\s*(?:h|g|giờ)()$/u.exec(typed);
  if (!match) return undefined;
  const [, hours = '', minutes = ''] = match;
  return `${hours.padStart(2, '0')}:${minutes.padStart(2, '0')}`;
}
