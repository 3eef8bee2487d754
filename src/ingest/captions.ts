/**
 * Photo captions and credits. A caption is kept (it can be quoted, marked as a caption) but it
 * is never reporting.
 */

const CREDIT = new RegExp(
  [
    // "Photo: …", "Image credit: …", "Photograph by …"
    '\\b(photo|photos|photograph|image|images|picture|pic|illustration)( credit| courtesy| source| by)?\\s*:',
    '\\b(photo|image|picture) (credit|courtesy)\\b',
    '\\b(photo|photograph) by\\b',
    '\\bcredit\\s*:',
    // Agency and picture-library credits at the end of the line: "Jane Doe / Reuters", "(X/AFP/Getty Images)"
    '(via|\\/)\\s*(getty images|afp|reuters|ap|epa|anadolu|xinhua|shutterstock|alamy|wikimedia( commons)?|unsplash)\\W*$',
    '\\b(getty images|shutterstock|alamy|unsplash|wikimedia commons)\\W*$',
    '\\((photo|image|picture|file photo)\\b',
    '^(file )?photo\\b[^.]{0,40}$',
  ].join('|'),
  'i',
);

/** Substrings every caption pattern needs; most pieces are ruled out by these alone. */
const HINT = /photo|image|picture|pic|illustration|credit|getty|shutterstock|alamy|wikimedia|unsplash|\/| via /i;

/**
 * True when a piece reads as a photo caption or credit line.
 * @param text - the trimmed piece text
 */
export function isCaption(text: string): boolean {
  if (text.length > 320) return false;
  if (!HINT.test(text)) return false;
  return CREDIT.test(text);
}
