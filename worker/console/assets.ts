/**
 * The console's only stylesheet and script, served from /console/assets/ so the page's CSP can
 * be `script-src 'self'` with no inline script at all. The script is progressive: every form
 * works without it (on a phone, or with scripts off); it adds the keyboard shortcuts.
 */

export const CONSOLE_CSS = `
:root { --fg:#1b1f24; --muted:#5b6572; --line:#d6dbe1; --bg:#f7f8fa; --card:#fff; --accent:#1f5fbf; --danger:#b42318; --ok:#1a7f37; --warn:#9a6700; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header.top { display:flex; flex-wrap:wrap; gap:.75rem; align-items:center; justify-content:space-between; padding:.5rem 1rem; background:#0f1b2d; color:#fff; }
header.top a { color:#fff; }
header.top form { display:inline; }
main { padding:1rem; max-width:1400px; margin:0 auto; }
a { color:var(--accent); }
h1 { font-size:1.25rem; margin:.25rem 0 .75rem; }
h2 { font-size:1.05rem; margin:1rem 0 .5rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:6px; padding:.75rem 1rem; margin-bottom:1rem; }
.muted { color:var(--muted); }
.flash { padding:.5rem .75rem; border-radius:6px; margin-bottom:1rem; background:#e7f3ff; border:1px solid #b6d4fe; }
.flash.error { background:#fdecea; border-color:#f5c2c7; color:var(--danger); }
button, .btn { font:inherit; padding:.35rem .75rem; border:1px solid var(--line); border-radius:5px; background:#fff; cursor:pointer; color:var(--fg); text-decoration:none; display:inline-block; }
button.primary { background:var(--accent); color:#fff; border-color:var(--accent); }
button.danger { background:var(--danger); color:#fff; border-color:var(--danger); }
button:focus-visible, .btn:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline:3px solid #ffb000; outline-offset:1px; }
input[type=text], input[type=password], select, textarea { font:inherit; padding:.3rem .45rem; border:1px solid var(--line); border-radius:5px; max-width:100%; }
textarea { width:100%; min-height:3.5rem; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:.35rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; color:var(--muted); font-size:.85rem; }
.counts { display:flex; flex-wrap:wrap; gap:.4rem; padding:0; margin:0; list-style:none; }
.counts li a { display:inline-block; padding:.15rem .5rem; border-radius:999px; border:1px solid var(--line); background:#fff; text-decoration:none; }
.counts li a.on { background:var(--accent); color:#fff; border-color:var(--accent); }
.badge { display:inline-block; padding:0 .4rem; border-radius:4px; font-size:.8rem; background:#eef1f4; border:1px solid var(--line); margin:0 .15rem .15rem 0; white-space:nowrap; }
.badge.p0 { background:#fdecea; border-color:#f5c2c7; }
.badge.p1 { background:#fff4e5; border-color:#ffd8a8; }
.badge.esc { background:#f3e8ff; border-color:#d8b4fe; }
.badge.appeal { background:#e6f4ea; border-color:#a7d7b4; }
.filters { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; }
.filters label { display:flex; flex-direction:column; font-size:.85rem; color:var(--muted); }
.bulk { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; margin:.5rem 0; }
.grid { display:grid; grid-template-columns: 1fr 1fr; gap:1rem; }
.text { white-space:pre-wrap; overflow-wrap:anywhere; font-size:15px; line-height:1.6; background:#fff; border:1px solid var(--line); border-radius:6px; padding:.75rem; margin:0; }
mark.hl { border-radius:3px; padding:0 1px; color:inherit; }
mark.c-personal_data { background:#ffe08a; }
mark.c-off_platform { background:#ffc9c9; }
mark.c-extortion { background:#f7b6f0; }
mark.c-seller_tie, mark.c-review_manipulation { background:#c3e6ff; }
mark.c-media, mark.c-system { background:#e2e2e2; }
mark.multi { outline:2px solid #c2410c; }
.ev { text-decoration: underline wavy #c2410c; text-underline-offset:3px; }
.redacted-added { background:#111; color:#fff; }
ol.findings { padding-left:1.4rem; margin:0; }
ol.findings li { margin-bottom:.4rem; }
.evidence { font-size:.85rem; color:var(--muted); }
.media-list { display:flex; flex-wrap:wrap; gap:1rem; }
figure.media { margin:0; max-width:320px; }
figure.media img { display:block; max-width:100%; max-height:320px; border-radius:4px; filter: blur(24px) grayscale(.4); }
figure.media .reveal { position:absolute; opacity:0; width:1px; height:1px; }
figure.media .reveal:checked ~ img { filter:none; }
figure.media .reveal:focus-visible + label { outline:3px solid #ffb000; }
figure.media label { margin:.25rem 0; }
fieldset { border:1px solid var(--line); border-radius:6px; margin:0 0 .75rem; }
.actions label { display:inline-flex; gap:.3rem; align-items:center; margin:.2rem .8rem .2rem 0; padding:.3rem .5rem; border:1px solid var(--line); border-radius:5px; background:#fff; cursor:pointer; }
.actions input:checked + span { font-weight:700; }
kbd { font:12px ui-monospace, monospace; border:1px solid var(--line); border-bottom-width:2px; border-radius:4px; padding:0 .3rem; background:#fff; }
#pending-action { min-height:1.4em; font-weight:600; color:var(--warn); }
.shortcuts dl { display:grid; grid-template-columns:max-content 1fr; gap:.2rem .8rem; margin:0; }
.shortcuts dd { margin:0; }
.excerpt { max-width:46ch; overflow-wrap:anywhere; }
@media (max-width: 820px) {
  .grid { grid-template-columns: 1fr; }
  main { padding:.5rem; }
  .hide-narrow { display:none; }
  .shortcuts { display:none; }
  table, tbody, tr, td { display:block; width:100%; }
  thead { display:none; }
  tr { border-bottom:1px solid var(--line); padding:.4rem 0; }
  td { border:0; padding:.1rem .25rem; }
}
`;

export const CONSOLE_JS = `
(function () {
  'use strict';
  var form = document.getElementById('decide');
  var confirmBtn = document.getElementById('confirm');
  var pending = document.getElementById('pending-action');
  var redactions = document.getElementById('redactions');
  var source = document.getElementById('original');
  var KEYS = { p: 'publish', r: 'redact', h: 'hide', e: 'escalate' };

  function typing(t) {
    if (!t || !t.tagName) return false;
    if (t.isContentEditable) return true;
    if (t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
    return t.tagName === 'INPUT' && t.type !== 'radio' && t.type !== 'checkbox';
  }

  function choose(action) {
    if (!form) return;
    var radio = form.querySelector('input[name="action"][value="' + action + '"]');
    if (!radio || radio.disabled) return;
    radio.checked = true;
    var reason = form.querySelector('select[name="reason"]');
    if (reason && radio.getAttribute('data-reason')) reason.value = radio.getAttribute('data-reason');
    form.setAttribute('data-armed', action);
    if (pending) pending.textContent = 'Press Enter to ' + (radio.getAttribute('data-label') || action) + ' \\u2014 Esc cancels.';
    if (confirmBtn) confirmBtn.focus();
  }

  function disarm() {
    if (!form) return;
    form.removeAttribute('data-armed');
    if (pending) pending.textContent = '';
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  }

  /** The selection inside the original text, in offsets of the submitted text (segments carry data-s). */
  function selectionSpan() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !source) return null;
    function offset(node, off) {
      var el = node.nodeType === 3 ? node.parentNode : node;
      while (el && el !== source && !(el.hasAttribute && el.hasAttribute('data-s'))) el = el.parentNode;
      if (!el || el === source) return null;
      return Number(el.getAttribute('data-s')) + (node.nodeType === 3 ? off : 0);
    }
    var r = sel.getRangeAt(0);
    var a = offset(r.startContainer, r.startOffset);
    var b = offset(r.endContainer, r.endOffset);
    if (a === null || b === null || b <= a) return null;
    return [a, b];
  }

  function addRedaction() {
    var s = selectionSpan();
    if (!s || !redactions) return;
    redactions.value = (redactions.value ? redactions.value + ', ' : '') + s[0] + '-' + s[1];
    var sel = window.getSelection();
    if (sel) sel.removeAllRanges();
    choose('redact');
  }

  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'Escape') { disarm(); return; }
    if (typing(ev.target)) return;
    var k = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
    if (KEYS[k] && form) { ev.preventDefault(); choose(KEYS[k]); return; }
    if (k === 'x') { ev.preventDefault(); addRedaction(); return; }
    if (k === 'v') {
      ev.preventDefault();
      var boxes = document.querySelectorAll('input.reveal');
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = !boxes[i].checked;
      return;
    }
    if (k === 'u') { var undo = document.getElementById('undo'); if (undo) { ev.preventDefault(); undo.submit(); } return; }
    if (k === 'c') { var claimNext = document.getElementById('claim-next'); if (claimNext) { ev.preventDefault(); claimNext.submit(); } return; }
    if (k === 'j' || k === 'n') { var next = document.getElementById('next-item'); if (next) { ev.preventDefault(); window.location.href = next.getAttribute('href'); } return; }
    if (k === '?') { var help = document.getElementById('shortcuts'); if (help) { ev.preventDefault(); help.open = !help.open; } return; }
  });

  var all = document.getElementById('select-all');
  if (all) all.addEventListener('change', function () {
    var boxes = document.querySelectorAll('input[name="ids"]');
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = all.checked;
  });
})();
`;
