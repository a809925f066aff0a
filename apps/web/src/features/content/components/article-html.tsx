import '../content.css';

/**
 * An article's body as the server rendered it. The HTML is inserted as it is ONLY because the
 * server made it from Markdown and sanitised it with an allow-list (modules/content/markdown.ts:
 * no raw HTML, no scripts, no event handlers, links only to http, https, mailto or this site).
 * Never pass HTML from anywhere else here.
 */
export function ArticleHtml({ html, lang }: { html: string; lang?: string }) {
  return (
    <div
      className="sw-article-body"
      lang={lang}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server (see above)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
