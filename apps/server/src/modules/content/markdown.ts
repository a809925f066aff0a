import { CONTENT_SUMMARY_LENGTH } from '@sw/contracts';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown → HTML for articles, made safe on the server: the browser shows the result with
 * `dangerouslySetInnerHTML`, so nothing may pass that a browser would run or load.
 *
 * Two layers. marked renders the Markdown with raw HTML dropped (an author writes Markdown, not
 * HTML: `<script>`, `<img onerror>`, `<iframe>` typed into the text never become elements),
 * headings moved one level down (the page's title is the one h1) and images written as links to
 * them (remote images would tell a third party who reads what). Then sanitize-html keeps only an
 * allow-list of elements and attributes; a link keeps its href only for http, https, mailto or a
 * relative address on this site, and gets rel="noopener noreferrer". The second layer holds even
 * if the first is changed or has a bug.
 */

const ALLOWED_TAGS = [
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'strong',
  'em',
  'del',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

function isExternal(href: string | undefined): boolean {
  return typeof href === 'string' && /^https?:/i.test(href.trim());
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  // `//evil.example/x` is another site's address without a scheme
  allowProtocolRelative: false,
  // an element not allowed goes with its content where that content is code (script, style …),
  // otherwise its text stays
  disallowedTagsMode: 'discard',
  allowedClasses: {},
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...attribs,
        rel: 'noopener noreferrer',
        ...(isExternal(attribs.href) ? { target: '_blank' } : {}),
      },
    }),
  },
};

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // raw HTML in the Markdown is dropped, block or inline (the text between inline tags stays)
    html: () => '',
    heading(
      this: { parser: { parseInline(tokens: Tokens.Heading['tokens']): string } },
      token: Tokens.Heading,
    ) {
      const level = Math.min(token.depth + 1, 6);
      return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
    },
    image: (token: Tokens.Image) =>
      `<a href="${escapeHtml(token.href)}">${escapeHtml(token.text || token.href)}</a>`,
  },
});

/** Renders Markdown to HTML that is safe to insert into a page as it is. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizeHtml(html, SANITIZE).trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The start of a rendered body as plain text, for lists: tags removed, entities decoded,
 * whitespace collapsed, at most CONTENT_SUMMARY_LENGTH characters (code points) and "…".
 */
export function summarize(html: string): string {
  const spaced = html.replace(/<\/(p|h\d|li|td|th|blockquote|pre)>|<br\s*\/?>/gi, ' ');
  const text = decodeEntities(sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(text);
  return chars.length <= CONTENT_SUMMARY_LENGTH
    ? text
    : `${chars.slice(0, CONTENT_SUMMARY_LENGTH).join('').trimEnd()}…`;
}
