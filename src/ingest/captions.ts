/**
 * Photo captions and credits. A caption is kept (it can be quoted, marked as a caption) but it
 * is never reporting.
 */

const CREDIT =
  /\b(photo|photos|photograph|image|images|picture|pic|illustration|video|graphic|footage)( credit| courtesy| source| by)?\s*:|\b(photo|image|picture) (credit|courtesy)\b|\b(photo|photograph) by\b|\bcredit\s*:|\bgetty images\b|\bshutterstock\b|\bwikimedia( commons)?\b|\bunsplash\b|\b(afp|reuters|ap|epa|anadolu|xinhua|tass|sputnik|ria novosti)(\s*\/\s*|\s+via\s+)[a-z]|\/\s*(afp|reuters|ap|epa|getty)\b|\((photo|image|picture|file photo)\b|^(file )?photo\b[^.]{0,40}$/i;

/** Substrings every caption pattern needs; most pieces are ruled out by these alone. */
const HINT = /photo|image|picture|pic|illustration|video|graphic|footage|credit|getty|shutterstock|wikimedia|unsplash|\/| via /i;

/**
 * True when a piece reads as a photo caption or credit line.
 * @param text - the trimmed piece text
 */
export function isCaption(text: string): boolean {
  if (text.length > 320) return false;
  if (!HINT.test(text)) return false;
  return CREDIT.test(text);
}
