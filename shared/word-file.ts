// The text of a Word (.docx) file, read before it is taken into a field, so the secretary sees what will be taken.
export interface WordFile {
  fileName: string;
  /** The file's paragraphs and list items in order, each normalised as the store normalises text; no empty ones. */
  paragraphs: string[];
  /** Characters of the text once its paragraphs are joined by line breaks. */
  length: number;
  /** Pictures, tables and the like the text does not carry, said in Vietnamese; empty when nothing was left. */
  dropped: string[];
}
