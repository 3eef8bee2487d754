/**
 * CMS exports often carry the body as HTML (WordPress `content.rendered`, many feeds). Quoting
 * tags back to a reporter is useless, so such bodies become plain text: one paragraph per block
 * element, line breaks kept, entities decoded. The converted text is then the article text that
 * every offset points into.
 *
 * The HTML is read by htmlparser2's tokenizer, which makes one pass over the input and decodes
 * every HTML5 named and numeric entity. Its tree-building `Parser` is not used: it keeps open
 * elements in an array it `unshift`s and searches on every tag, so deeply nested or unmatched
 * tags (`<b>` × 200 000) cost quadratic time. The text needs no tree — only which block,
 * pre-formatted or dropped element the tokenizer is in — so every tag here is O(1) work and the
 * whole conversion stays linear in the size of the body.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** Block elements as the old converter knew them; `looksLikeHtml` keeps this exact list. */
const HTML_HINT_BLOCKS =
  'p|div|h[1-6]|ul|ol|li|figure|figcaption|blockquote|section|article|header|footer|aside|table|thead|tbody|tr|hr|pre|dl|dt|dd|main|nav';
/**
 * `<tag` or `</tag` of a tag that marks HTML. Checked without the old `[^>]*>` tail, which
 * re-scanned the rest of the text from every `<a` and so took quadratic time on `<a <a <a …`;
 * the closing `>` is looked for once, after the first match (see `looksLikeHtml`).
 */
const HTML_HINT = new RegExp(`<\\/?(?:${HTML_HINT_BLOCKS}|br|a|img|strong|em|b|i|span)\\b`, 'i');

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  ...HTML_HINT_BLOCKS.replace('h[1-6]', 'h1|h2|h3|h4|h5|h6').split('|'),
  // Also blocks in every browser; the old converter ran their text into the next paragraph.
  'address', 'caption', 'details', 'summary', 'fieldset', 'legend', 'tfoot', 'hgroup', 'center', 'form', 'dialog', 'search',
]);
/** Table cells: their text is separated by a space, not run together. */
const CELLS = new Set(['td', 'th']);
/** Elements whose content is never article text (code, styling, embeds, fallbacks, templates). */
const DROPPED = new Set(['script', 'style', 'noscript', 'iframe', 'svg', 'template']);

/**
 * Runs of the whitespace HTML collapses (not U+00A0, which `&nbsp;` asks to keep), other than a
 * lone space: replacing every single space with itself made plain prose 100 times slower.
 */
const HTML_SPACES = / [ \t\n\r\f]+|[\t\n\r\f][ \t\n\r\f]*/g;
const HTML_SPACE_ONLY = /^[ \t\n\r\f]*$/;

/** True when a body is HTML rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const m = HTML_HINT.exec(text);
  // The tag must be closed by a `>` somewhere after its name; a later match would end later, so
  // the first one decides.
  return m !== null && text.includes('>', m.index + m[0].length);
}

/**
 * Collects the text of the body line by line. Flow text has its whitespace collapsed when its
 * line ends; `<pre>` lines keep theirs. Breaks asked for by blocks and `<br>` wait until more
 * text comes, so empty elements and trailing breaks add nothing.
 */
class TextCollector {
  /** The finished lines. */
  private text = '';
  /** A blank line is owed before the next finished line. */
  private blank = false;
  private line = '';
  private linePre = false;
  /** Line breaks owed before the next text: 1 for `<br>`, 2 (a paragraph) for a block. */
  private breaks = 0;
  private started = false;

  /** Text outside `<pre>`. */
  flow(text: string): void {
    if (HTML_SPACE_ONLY.test(text)) {
      // Whitespace separates words on a line; before the first word of a line it is nothing.
      if (this.breaks === 0 && this.line !== '') this.line += ' ';
      return;
    }
    this.payBreaks();
    this.line += text;
  }

  /** Text inside `<pre>`: line breaks are kept, tabs and spaces too. */
  pre(text: string): void {
    const parts = text.split(/\r\n?|\n/);
    parts.forEach((part, i) => {
      if (i > 0) {
        this.payBreaks();
        this.endLine();
      }
      if (part !== '') {
        this.payBreaks();
        this.line += part;
        this.linePre = true;
      }
    });
  }

  /** A separator between words (table cells). */
  space(): void {
    if (this.breaks === 0 && this.line !== '') this.line += ' ';
  }

  /** `<br>`: one more line break, at most a paragraph's two. */
  lineBreak(): void {
    if (this.started) this.breaks = Math.min(2, this.breaks + 1);
  }

  /** A block starts or ends: a paragraph break. */
  paragraph(): void {
    if (this.started) this.breaks = 2;
  }

  /** The text, with at most one blank line anywhere and none at its ends. */
  finish(): string {
    this.endLine();
    return this.text;
  }

  private payBreaks(): void {
    this.started = true;
    for (; this.breaks > 0; this.breaks--) this.endLine();
  }

  private endLine(): void {
    const line = this.linePre ? this.line.trimEnd() : this.line.replace(HTML_SPACES, ' ').trim();
    this.line = '';
    this.linePre = false;
    if (line === '') {
      // Consecutive blank lines (empty paragraphs, `&nbsp;` lines, `<br>` runs) count once;
      // none before the first line or after the last.
      if (this.text !== '') this.blank = true;
      return;
    }
    this.text += this.text === '' ? line : `${this.blank ? '\n\n' : '\n'}${line}`;
    this.blank = false;
  }
}

const ignore = (): void => {};

/** The tokenizer callbacks neither reader uses: attributes, comments, CDATA, declarations and the end. */
const IGNORED = {
  onattribname: ignore,
  onattribdata: ignore,
  onattribentity: ignore,
  onattribend: ignore,
  oncdata: ignore,
  oncomment: ignore,
  ondeclaration: ignore,
  onprocessinginstruction: ignore,
  onend: ignore,
} satisfies Partial<TokenizerCallbacks>;

/**
 * Plain text of an HTML body: one paragraph per block element ("\n\n" between them), `<br>` a
 * line break, source line breaks and runs of spaces one space, `<pre>` as written, entities
 * decoded (a numeric one out of Unicode's range becomes U+FFFD, as in browsers), comments and
 * the content of script, style, noscript, iframe, svg and template dropped. Linear in the size of
 * the body, whatever it contains.
 * @param html - the body as the export gives it
 */
export function htmlToText(html: string): string {
  const out = new TextCollector();
  let tag = '';
  /** The dropped element being skipped and how deep it nests in itself (`<svg>` in `<svg>`). */
  let dropped = '';
  let droppedDepth = 0;
  let preDepth = 0;
  /** A newline right after `<pre>` is not content (HTML says so). */
  let preFresh = false;

  const text = (s: string): void => {
    if (droppedDepth > 0) return;
    if (preDepth > 0) {
      if (preFresh) s = s.replace(/^\r?\n/, '');
      preFresh = false;
      out.pre(s);
    } else out.flow(s);
  };

  const open = (name: string, selfClosing: boolean): void => {
    if (droppedDepth > 0) {
      if (name === dropped && !selfClosing) droppedDepth++;
      return;
    }
    if (name !== 'pre') preFresh = false;
    if (DROPPED.has(name)) {
      // `<svg … />`, `<iframe … />`: complete elements, nothing to skip.
      if (!selfClosing) {
        dropped = name;
        droppedDepth = 1;
      }
    } else if (name === 'br') out.lineBreak();
    else if (BLOCKS.has(name)) {
      out.paragraph();
      if (name === 'pre' && !selfClosing) {
        preDepth++;
        preFresh = true;
      }
    } else if (CELLS.has(name)) out.space();
  };

  const close = (name: string): void => {
    if (droppedDepth > 0) {
      if (name === dropped) droppedDepth--;
      return;
    }
    // `</br>` is read as `<br>` by browsers; `</p>` without `<p>` still ends a paragraph.
    if (name === 'br') out.lineBreak();
    else if (BLOCKS.has(name)) {
      out.paragraph();
      if (name === 'pre' && preDepth > 0) preDepth--;
      preFresh = false;
    } else if (CELLS.has(name)) out.space();
  };

  const callbacks: TokenizerCallbacks = {
    ...IGNORED,
    ontext: (start, end) => text(html.slice(start, end)),
    ontextentity: (codePoint) => text(String.fromCodePoint(codePoint)),
    onopentagname: (start, end) => {
      tag = html.slice(start, end).toLowerCase();
    },
    onopentagend: () => open(tag, false),
    onselfclosingtag: () => open(tag, true),
    onclosetag: (start, end) => close(html.slice(start, end).toLowerCase()),
  };
  // `<script … />`, `<iframe … />`: editors write these as complete elements. Read strictly (as
  // open raw-text elements) they would swallow the rest of the body as script.
  const tokenizer = new Tokenizer({ decodeEntities: true, recognizeSelfClosing: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  return out.finish();
}

/**
 * Decodes the `&name;` and `&#number;` entities of text that is not HTML (a CMS title written
 * as plain text); everything else, `<` and a bare `&` included, stays as written. One pass over
 * the text, however many entities it has.
 * @param text - plain text that may contain entities
 */
export function decodeEntities(text: string): string {
  // Protect what is not an entity, so that the tokenizer reads only text and entities.
  const escaped = text.replace(/<|&(?!#?\w+;)/g, (m) => (m === '<' ? '&lt;' : '&amp;'));
  let out = '';
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ...IGNORED,
      ontext: (start, end) => {
        out += escaped.slice(start, end);
      },
      ontextentity: (codePoint) => {
        out += String.fromCodePoint(codePoint);
      },
      onopentagname: ignore,
      onopentagend: ignore,
      onselfclosingtag: ignore,
      onclosetag: ignore,
    },
  );
  tokenizer.write(escaped);
  tokenizer.end();
  return out;
}
