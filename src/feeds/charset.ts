/**
 * Turns response bytes into text in the encoding the page declares: the Content-Type header
 * first, then a byte-order mark, the XML declaration or a `<meta charset>` in the first bytes.
 * Node's full ICU gives TextDecoder the legacy encodings outlets still serve (ISO-8859-1,
 * Windows-1251, KOI8-R …); an unknown label falls back to UTF-8 rather than failing the feed.
 */
import { TextDecoder } from 'node:util';

/** How far into a document the declaration is looked for (the HTML standard's prescan uses 1024). */
const PRESCAN_BYTES = 1024;

function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return m?.[1];
}

function charsetFromBom(body: Uint8Array): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return undefined;
}

function charsetFromDocument(body: Uint8Array): string | undefined {
  // Declarations are ASCII, so reading the head as Latin-1 finds them whatever the encoding.
  const head = Buffer.from(body.subarray(0, PRESCAN_BYTES)).toString('latin1');
  return (
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head)?.[1]
  );
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return undefined; // a label ICU does not know
  }
}

/**
 * The encoding a document declares, or undefined.
 * @param contentType - the response's Content-Type header
 */
export function declaredCharset(body: Uint8Array, contentType?: string): string | undefined {
  return charsetFromContentType(contentType) ?? charsetFromBom(body) ?? charsetFromDocument(body);
}

/**
 * Decodes a response body in its declared encoding (UTF-8 when none or an unknown one is declared).
 * @example decodeBody(bytes, 'text/html; charset=windows-1251')
 */
export function decodeBody(body: Uint8Array, contentType?: string): string {
  const decoder = decoderFor(declaredCharset(body, contentType)) ?? new TextDecoder('utf-8');
  return decoder.decode(body);
}
