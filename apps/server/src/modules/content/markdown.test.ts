import { describe, expect, it } from 'vitest';
import { renderMarkdown, summarize } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders the Markdown an article needs, headings one level below the page title', () => {
    expect(renderMarkdown('# 标题\n\n**粗** *斜* ~~删~~ `代码`')).toBe(
      '<h2>标题</h2>\n<p><strong>粗</strong> <em>斜</em> <del>删</del> <code>代码</code></p>',
    );
    expect(renderMarkdown('###### 六级')).toBe('<h6>六级</h6>');
    expect(renderMarkdown('1. 一\n2. 二\n\n- 甲')).toBe(
      '<ol>\n<li>一</li>\n<li>二</li>\n</ol>\n<ul>\n<li>甲</li>\n</ul>',
    );
    expect(renderMarkdown('| a |\n|:-:|\n| 1 |')).toContain('<th align="center">a</th>');
  });

  it('drops raw HTML, scripts and event handlers', () => {
    for (const hostile of [
      '<script>alert(1)</script>',
      'x <img src=x onerror=alert(1)> y',
      '<iframe src="https://evil.example/"></iframe>',
      '<div onclick="alert(1)">text</div>',
      '<svg><script>alert(1)</script></svg>',
      '<style>*{display:none}</style>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<form action="https://evil.example/"><input name="p"></form>',
    ]) {
      expect(renderMarkdown(hostile)).not.toMatch(
        /<(script|img|iframe|div|svg|style|object|embed|form|input)|on\w+=/i,
      );
    }
  });

  it('keeps only http, https, mailto and same-site links, each with rel="noopener noreferrer"', () => {
    const html = renderMarkdown(
      [
        '[a](javascript:alert(1))',
        '[b](JaVaScRiPt:alert(1))',
        '[c](data:text/html;base64,PHNjcmlwdD4=)',
        '[d](vbscript:msgbox(1))',
        '[e](//evil.example/)',
        '[f](https://gov.example/a?b=1)',
        '[g](mailto:help@gov.example)',
        '[h](/apps/enterprise-registration)',
        '<https://auto.example/>',
        '![i](https://tracker.example/pixel.png)',
        '<a href="javascript:alert(1)">j</a>',
      ].join(' '),
    );
    expect(html).not.toMatch(/javascript|vbscript|data:|\/\/evil|<img/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([
      'https://gov.example/a?b=1',
      'mailto:help@gov.example',
      '/apps/enterprise-registration',
      'https://auto.example/',
      'https://tracker.example/pixel.png',
    ]);
    expect(html.match(/<a /g)).toHaveLength(10);
    expect(html.match(/rel="noopener noreferrer"/g)).toHaveLength(10);
    expect(html).toContain(
      '<a href="https://gov.example/a?b=1" rel="noopener noreferrer" target="_blank">f</a>',
    );
  });
});

describe('summarize', () => {
  it('is plain text: tags gone, entities decoded, whitespace collapsed', () => {
    expect(summarize(renderMarkdown('# 通知\n\n请于 **3 月 1 日**前 <b>办理</b> & 确认 `a<b`'))).toBe(
      '通知 请于 3 月 1 日前 办理 & 确认 a<b',
    );
  });

  it('cuts at 120 characters (code points) with an ellipsis', () => {
    expect(summarize(`<p>${'😀'.repeat(130)}</p>`)).toBe(`${'😀'.repeat(120)}…`);
    expect(summarize(`<p>${'办'.repeat(120)}</p>`)).toBe('办'.repeat(120));
  });
});
