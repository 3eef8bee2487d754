/**
 * CMS exports often carry the body as HTML (WordPress `content.rendered`, many feeds). Quoting
 * tags back to a reporter is useless, so such bodies become plain text: one paragraph per block
 * element, line breaks kept, entities decoded. The converted text is then the article text that
 * every offset points into.
 */

const BLOCK_TAGS =
  'p|div|h[1-6]|ul|ol|li|figure|figcaption|blockquote|section|article|header|footer|aside|table|thead|tbody|tr|hr|pre|dl|dt|dd|main|nav';
const LOOKS_LIKE_HTML = new RegExp(`<\\/?(?:${BLOCK_TAGS}|br|a|img|strong|em|b|i|span)\\b[^>]*>`, 'i');
const BLOCK = new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi');

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  bull: '•', middot: '·', shy: '', zwj: '\u200d', zwnj: '\u200c', euro: '€', pound: '£', deg: '°',
};

/** True when a body is HTML rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return LOOKS_LIKE_HTML.test(text);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text of an HTML body.
 * @param html - the body as the export gives it
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|iframe|svg)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s*\n\s*/g, ' ') // source line breaks are not text breaks in HTML
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
