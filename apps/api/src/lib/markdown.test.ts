import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

/** Known XSS vectors, in markdown and raw HTML, plain and encoded. None may survive rendering. */
const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://ok.example/a.png" onload="alert(1)">',
  '<svg onload=alert(1)><circle r=10 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">encoded</a>',
  '<a href="&#x6A;avascript:alert(1)">hex</a>',
  '<a href=" javascript:alert(1)">space</a>',
  '<a href="java\tscript:alert(1)">tab</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '[md link](javascript:alert(1))',
  '[md link](JAVASCRIPT:alert(1))',
  '[md encoded](&#106;avascript:alert(1))',
  '![md image](javascript:alert(1))',
  '![md data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![http image](http://insecure.example/a.png)',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<p style="position:fixed;top:0">overlay</p>',
  '<form action="https://evil.example"><input name=q></form>',
  '<input type="text" onfocus=alert(1) autofocus>',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<base href="https://evil.example/">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<a href="https://ok.example" onclick="alert(1)">ok link, bad handler</a>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src="x" /onerror=alert(1)>',
  '<img """><script>alert(1)</script>">',
  '"><img src=x onerror=alert(1)>',
  '<a href="//evil.example">protocol-relative</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea><script>alert(1)</script></textarea>',
  '<table><td background="javascript:alert(1)">',
  '`<script>alert(1)</script>` is fine as code, <script>alert(2)</script> is not',
];

const DANGER = [
  /<script/i,
  /\son[a-z]+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /data:/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<svg/i,
  /<math/i,
  /<style/i,
  /<form/i,
  /<meta/i,
  /<link/i,
  /<base/i,
  /style=/i,
  /href="\/\//i,
  /src="http:/i,
];

describe('renderMarkdown', () => {
  it.each(VECTORS)('neutralises %s', (vector) => {
    const html = renderMarkdown(vector);
    for (const pattern of DANGER) expect(html, `${pattern} survived in ${html}`).not.toMatch(pattern);
  });

  it('keeps ordinary formatting: headings, lists, links, https images, tables and code', () => {
    const html = renderMarkdown(
      [
        '# Today',
        '## Soup of the day',
        'Some **bold**, _italic_ and ~~struck~~ text.',
        '',
        '- one',
        '- two',
        '',
        '1. first',
        '2. second',
        '',
        '> a quote',
        '',
        '[Menu](https://canteen.example/menu) and [mail](mailto:chef@canteen.example)',
        '',
        '![Soup](https://cdn.example/soup.jpg)',
        '',
        '| dish | price |',
        '| --- | ---: |',
        '| soup | 4.50 |',
        '',
        '```ts',
        'const x = 1 < 2;',
        '```',
      ].join('\n'),
    );
    for (const fragment of [
      '<h1>Today</h1>',
      '<h2>Soup of the day</h2>',
      '<strong>bold</strong>',
      '<em>italic</em>',
      '<del>struck</del>',
      '<ul>',
      '<ol>',
      '<blockquote>',
      '<a href="https://canteen.example/menu" rel="noopener noreferrer nofollow">Menu</a>',
      'href="mailto:chef@canteen.example"',
      '<img src="https://cdn.example/soup.jpg" alt="Soup" />',
      '<table>',
      '<th>dish</th>',
      '<td align="right">4.50</td>',
      '<code class="language-ts">const x = 1 &lt; 2;',
    ]) {
      expect(html).toContain(fragment);
    }
  });
});
