/** A piece of message text: plain, or a link that is safe to open. */
export type TextPart = { text: string } | { text: string; href: string };

// A URL starts at "http(s)://" or "www." and runs to the next space; trailing punctuation belongs to the sentence.
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const TRAILING = /[.,;:!?'")\]}>]+$/;

/**
 * Splits message text into plain parts and links. Only http(s) becomes a link (never `javascript:`, `data:` or any
 * other scheme, which a sender could use to run script in the reader's page); "www." gets https.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    let raw = match[0];
    const trailing = TRAILING.exec(raw);
    // A closing bracket that closes one opened inside the URL (Wikipedia's "Foo_(bar)") is part of it.
    if (trailing && !(trailing[0] === ')' && raw.includes('('))) raw = raw.slice(0, -trailing[0].length);
    const href = safeHref(raw);
    if (!href) continue;
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The URL to open, or undefined unless it is a well-formed http(s) URL. */
export function safeHref(raw: string): string | undefined {
  const candidate = /^www\./i.test(raw) ? `https://${raw}` : raw;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
