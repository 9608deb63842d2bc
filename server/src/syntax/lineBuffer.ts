// keepalived reads its config with fgets() into a 1024-byte buffer: a line of 1023 bytes or more (its line
// feed not counted) comes in pieces of 1023 bytes, each read as a line of its own (2.4.3 says the line is too
// long and ignores every piece but the last). Bytes, not characters: a comment in Chinese reaches it at 341.

/** the bytes keepalived reads of a line at a time */
export const LINE_BUFFER_BYTES = 1023;
/** no line shorter than this (in UTF-16 units) can reach the limit: at most 3 UTF-8 bytes per unit */
const SHORTEST_LONG_LINE = Math.ceil(LINE_BUFFER_BYTES / 3);

/** The lines of the text keepalived reads in pieces (LINE_BUFFER_BYTES bytes or more), with where it cuts each. */
export function* longLines(text: string): Generator<{ start: number; end: number; cuts: number[] }> {
  for (let from = 0; from + SHORTEST_LONG_LINE <= text.length; ) {
    // a native search back from the farthest offset a short line could reach: one step per ~341 characters
    const lineFeed = text.lastIndexOf('\n', from + SHORTEST_LONG_LINE - 1);
    if (lineFeed >= from) {
      from = lineFeed + 1;
      continue;
    }
    const found = text.indexOf('\n', from);
    const end = found === -1 ? text.length : found;
    const cuts = lineCuts(text, from, end);
    if (cuts.length > 0) yield { start: from, end, cuts };
    from = end + 1;
  }
}

export const hasLongLine = (text: string): boolean => !longLines(text).next().done;

/** Where keepalived cuts the line text[start, end) (end at its line feed, or the text's end): offsets after each full piece. */
export function lineCuts(text: string, start: number, end: number): number[] {
  if (end - start < SHORTEST_LONG_LINE) return [];
  const cuts: number[] = [];
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // a surrogate pair is one 4-byte character: counted on its first half
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xdc00 && code < 0xe000 ? 0 : code >= 0xd800 && code < 0xdc00 ? 4 : 3;
    if (bytes + size > LINE_BUFFER_BYTES) {
      // a character across the cut goes to the next piece (keepalived splits its bytes)
      cuts.push(i);
      bytes = 0;
    }
    bytes += size;
  }
  // a last piece that fills the buffer too is cut from its line feed, which comes as an empty line
  if (bytes >= LINE_BUFFER_BYTES) cuts.push(end);
  return cuts;
}
