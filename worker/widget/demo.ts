import { LANGS, type Lang } from '../../moderation/types.js';
import demoStrings from './demo-strings.json';

/**
 * /demo: a storefront review form using the pre-check widget, in every supported language
 * (`?lang=ru`). It runs under its own strict CSP — scripts and styles only from 'self', no
 * inline code, Trusted Types enforced — so it also proves the widget needs no exemptions.
 */
type DemoStrings = (typeof demoStrings)['en'];
const STRINGS = demoStrings as Record<Lang, DemoStrings>;

export const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  // Any HTML sink (innerHTML and friends) throws: the widget must build DOM from text only.
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

export function demoLang(raw: string | undefined): Lang {
  const l = (raw ?? '').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(l) ? (l as Lang) : 'en';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function demoPage(lang: Lang, widget: { path: string; integrity: string }): string {
  const s = STRINGS[lang];
  const nav = LANGS.map((l) =>
    l === lang
      ? `<li><a href="?lang=${l}" lang="${l}" aria-current="page">${esc(STRINGS[l].name)}</a></li>`
      : `<li><a href="?lang=${l}" lang="${l}">${esc(STRINGS[l].name)}</a></li>`,
  ).join('');
  const stars = [5, 4, 3, 2, 1].map((n) => `<option value="${n}">${'★'.repeat(n)}${'☆'.repeat(5 - n)}</option>`).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.title)}</title>
<link rel="stylesheet" href="/demo/demo.css">
<link rel="icon" href="/demo/icon.svg" type="image/svg+xml">
<script src="${esc(widget.path)}" integrity="${esc(widget.integrity)}" crossorigin="anonymous" data-endpoint="/v1/precheck" data-locale="${lang}" defer></script>
<script src="/demo/demo.js" defer></script>
</head>
<body>
<header>
<p class="brand">${esc(s.title)}</p>
<nav aria-label="${esc(s.language)}"><ul>${nav}</ul></nav>
</header>
<main>
<section class="product">
<div class="photo" aria-hidden="true"></div>
<div><h1>${esc(s.product)}</h1><p class="seller">${esc(s.seller)}</p></div>
</section>
<form id="review-form" method="post" action="/demo">
<h2>${esc(s.heading)}</h2>
<label for="rating">${esc(s.rating)}</label>
<select id="rating" name="rating">${stars}</select>
<label for="review">${esc(s.label)}</label>
<p class="hint" id="review-hint">${esc(s.hint)}</p>
<textarea id="review" name="review" rows="7" maxlength="20000" aria-describedby="review-hint" placeholder="${esc(s.placeholder)}" data-precheck="review" data-precheck-tie="tie"></textarea>
<label class="tie"><input type="checkbox" id="tie" name="tie"> ${esc(s.tie)}</label>
<button type="submit">${esc(s.submit)}</button>
</form>
<section id="preview" hidden data-pending="${esc(s.pending)}" data-hidden="${esc(s.hidden)}" data-queued="${esc(s.queued)}">
<h2>${esc(s.preview)}</h2>
<blockquote id="preview-text"></blockquote>
<p id="preview-note"></p>
</section>
<p class="note">${esc(s.note)}</p>
</main>
</body>
</html>
`;
}

/** The demo's own behaviour: show what would be published, from the widget's last result. */
export const DEMO_JS = String.raw`(function () {
  'use strict';
  var form = document.getElementById('review-form');
  var ta = document.getElementById('review');
  var box = document.getElementById('preview');
  var out = document.getElementById('preview-text');
  var note = document.getElementById('preview-note');
  var last = null;
  function show() {
    box.hidden = false;
    var fresh = last && last.text === ta.value;
    out.textContent = fresh && last.res.publishedText ? last.res.publishedText : '';
    note.textContent = !fresh ? box.dataset.pending
      : last.res.status === 'hidden' ? box.dataset.hidden
      : last.res.status === 'queued' ? box.dataset.queued : '';
  }
  ta.addEventListener('precheck:result', function (e) {
    last = { text: ta.value, res: e.detail };
    if (!box.hidden) show();
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); show(); });
})();
`;

/** A small speech-bubble icon, so browsers do not ask for a /favicon.ico that is not there. */
export const DEMO_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#e62e04"/><path d="M8 9h16v11H14l-5 4v-4H8z" fill="#fff"/></svg>';

export const DEMO_CSS = `*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f7f9}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;padding:.75rem 1.5rem;background:#e62e04;color:#fff}
.brand{margin:0;font-weight:700}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;margin:0;padding:0;list-style:none}
nav a{color:#fff;text-decoration:none;opacity:.85}
nav a[aria-current]{opacity:1;text-decoration:underline}
main{max-width:44rem;margin:1.5rem auto;padding:0 1rem}
.product{display:flex;gap:1rem;align-items:center;padding:1rem;background:#fff;border-radius:8px}
.photo{width:5rem;height:5rem;flex:none;border-radius:8px;background:linear-gradient(135deg,#dfe3ea,#b9c0cc)}
h1{font-size:1.25rem;margin:0}
.seller{margin:.25rem 0 0;color:#57606a}
form,#preview{margin-top:1rem;padding:1rem 1.25rem;background:#fff;border-radius:8px}
h2{font-size:1.1rem;margin:0 0 .75rem}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}
.hint{margin:0 0 .4rem;color:#57606a;font-size:.9rem}
select,textarea,button{font:inherit}
textarea{display:block;width:100%;min-height:9rem;padding:.6rem .7rem;line-height:1.5;border:1px solid #8c959f;border-radius:6px;background:#fff;resize:vertical}
textarea:focus{outline:2px solid #0969da;outline-offset:1px}
.tie{display:flex;gap:.5rem;align-items:center;font-weight:400}
button{margin-top:.75rem;padding:.5rem 1.1rem;border:0;border-radius:6px;background:#e62e04;color:#fff;cursor:pointer}
.mp-precheck-status{font-weight:600}
.mp-precheck-fix{margin:.2rem 0 0;padding:.15rem .6rem;background:#fff;color:#d93025;border:1px solid #d93025;font-size:.85rem}
#preview blockquote{margin:0;padding:.5rem .75rem;border-left:3px solid #8c959f;white-space:pre-wrap}
.note{color:#57606a;font-size:.85rem}
`;
