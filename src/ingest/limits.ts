/**
 * Explicit limits on input. Extraction is linear in the text, so the size limit also bounds the
 * time one article can take (about 7 s of CPU for the largest allowed text; README, "Limits and
 * hardening"), and the worker pool's time budget bounds it whatever happens.
 */
/** The longest article text accepted, in characters (UTF-16 code units). */
export const MAX_ARTICLE_CHARS = 1_000_000;
/** The largest input file read whole (.txt, .html); JSON lines files are streamed line by line. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The longest JSON line accepted, in bytes. */
export const MAX_LINE_BYTES = 4 * MAX_ARTICLE_CHARS;
