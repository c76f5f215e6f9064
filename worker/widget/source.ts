/**
 * The buyer pre-check widget, served as /widget.js. Plain browser JavaScript (ES2020, no
 * framework, no build step) kept as a string so the worker bundle carries it byte for byte and
 * its integrity hash is stable. `__UI_STRINGS__` is replaced with the per-locale UI labels
 * (widget-strings.json) when the worker builds the asset (worker/widget/routes.ts).
 *
 * Rules this code keeps: every piece of text (the buyer's own, and everything the server
 * returns) goes into the page as text nodes — textContent, append(string) — never as HTML;
 * styles are set through the CSSOM so a storefront CSP without 'unsafe-inline' still works;
 * typing is never blocked (checks are debounced, async and cancelled when stale).
 */
export const WIDGET_SOURCE = String.raw`/*! marketplace pre-check widget */
(function () {
  'use strict';
  var UI = __UI_STRINGS__;
  var me = document.currentScript;
  var cfg = (me && me.dataset) || {};
  var ENDPOINT = cfg.endpoint || new URL('/v1/precheck', (me && me.src) || location.href).href;
  var DELAY = cfg.debounce !== undefined && cfg.debounce !== '' && Number(cfg.debounce) >= 0 ? Number(cfg.debounce) : 400;
  var MAX_CHARS = 20000;
  var KINDS = ['review', 'question', 'answer'];
  var HEADLINE = { redact: 'redact', queue: 'queue', hide: 'hide', publish: 'note' };
  var MARK = { background: 'rgba(255,190,0,.38)', color: 'transparent', borderRadius: '2px', boxShadow: 'inset 0 -2px 0 #d93025', padding: '0', margin: '0' };
  // Everything that decides where a glyph lands; the overlay copies it from the textarea.
  var COPY = ['boxSizing', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'fontKerning',
    'fontFeatureSettings', 'letterSpacing', 'wordSpacing', 'lineHeight', 'textIndent', 'textTransform', 'textAlign', 'tabSize',
    'direction', 'whiteSpace', 'wordBreak', 'overflowWrap', 'hyphens', 'paddingTop', 'paddingLeft', 'paddingBottom',
    'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth'];
  var seen = new WeakSet();
  var count = 0;

  function labels(lang) {
    lang = String(lang || '').toLowerCase();
    return UI[lang] || UI[lang.slice(0, 2)] || UI.en;
  }

  function el(tag, cls, style) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (style) Object.assign(e.style, style);
    return e;
  }

  function validSpan(s, len) {
    return s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= len;
  }

  function attach(ta, opts) {
    if (!ta || ta.tagName !== 'TEXTAREA' || seen.has(ta)) return;
    seen.add(ta);
    opts = opts || {};
    var d = ta.dataset;
    var locale = opts.locale || d.locale || cfg.locale || '';
    var t = labels(locale || (ta.closest('[lang]') || document.documentElement).lang);
    var kind = KINDS.indexOf(d.precheck) >= 0 ? d.precheck : 'review';
    var tieId = opts.tie || d.precheckTie;
    var st = { text: ta.value, findings: [], action: '', timer: 0, ctrl: null };
    var id = 'mp-precheck-' + (++count);

    var overlay = el('div', 'mp-precheck-overlay', { position: 'absolute', margin: '0', overflow: 'hidden', pointerEvents: 'none',
      color: 'transparent', background: 'transparent', borderStyle: 'solid', borderColor: 'transparent' });
    overlay.setAttribute('aria-hidden', 'true');
    overlay.setAttribute('data-precheck-overlay', '');
    var panel = el('div', 'mp-precheck', { margin: '.4em 0', fontSize: '.92em' });
    panel.id = id;
    panel.dataset.state = 'idle';
    var status = el('p', 'mp-precheck-status', { margin: '0 0 .3em' });
    status.setAttribute('role', 'status');
    var list = el('ul', 'mp-precheck-list', { listStyle: 'none', margin: '0', padding: '0' });
    panel.append(status, list);
    ta.insertAdjacentElement('afterend', overlay);
    var host = d.precheckList && document.getElementById(d.precheckList);
    if (host) host.append(panel); else overlay.insertAdjacentElement('afterend', panel);
    ta.setAttribute('aria-describedby', ((ta.getAttribute('aria-describedby') || '') + ' ' + id).trim());

    // Geometry: the overlay sits exactly on the textarea, with the same text box, so each mark
    // lies under the characters it highlights. The scrollbar narrows the textarea's text box;
    // the overlay has none, so it pads by the same width instead.
    function layout() {
      var cs = getComputedStyle(ta);
      var s = overlay.style;
      for (var i = 0; i < COPY.length; i++) s[COPY[i]] = cs[COPY[i]];
      var px = function (v) { return parseFloat(v) || 0; };
      var bl = px(cs.borderLeftWidth), br = px(cs.borderRightWidth), bt = px(cs.borderTopWidth), bb = px(cs.borderBottomWidth);
      var pl = px(cs.paddingLeft), pr = px(cs.paddingRight), pt = px(cs.paddingTop), pb = px(cs.paddingBottom);
      var border = cs.boxSizing === 'border-box';
      var w = px(cs.width) + (border ? 0 : pl + pr + bl + br);
      var h = px(cs.height) + (border ? 0 : pt + pb + bt + bb);
      var bar = Math.max(0, ta.offsetWidth - ta.clientWidth - bl - br);
      s.boxSizing = 'border-box';
      s.width = w + 'px';
      s.height = h + 'px';
      s.paddingRight = pr + bar + 'px';
      s.display = cs.display === 'none' ? 'none' : 'block';
      s.zIndex = cs.zIndex === 'auto' ? '1' : String((parseInt(cs.zIndex, 10) || 0) + 1);
      // Place by measurement, not offsetTop: it holds whatever the positioned ancestor is.
      s.top = '0px';
      s.left = '0px';
      var o = overlay.getBoundingClientRect(), r = ta.getBoundingClientRect();
      s.top = r.top - o.top + 'px';
      s.left = r.left - o.left + 'px';
      scroll();
    }

    function scroll() {
      overlay.scrollTop = ta.scrollTop;
      overlay.scrollLeft = ta.scrollLeft;
    }

    function paint() {
      var text = st.text, pos = 0;
      var spans = st.findings.map(function (f) { return f.span; }).filter(Boolean).sort(function (a, b) { return a.start - b.start; });
      overlay.textContent = '';
      for (var i = 0; i < spans.length; i++) {
        var a = Math.max(spans[i].start, pos), b = spans[i].end;
        if (b <= a) continue;
        if (a > pos) overlay.append(text.slice(pos, a));
        var m = el('mark', 'mp-precheck-mark', MARK);
        m.textContent = text.slice(a, b);
        overlay.append(m);
        pos = b;
      }
      // A trailing space keeps a final empty line (text ending in a newline) as tall as the textarea's.
      overlay.append(text.slice(pos) + ' ');
      scroll();
    }

    function snippet(f) {
      var s = st.text.slice(f.span.start, f.span.end);
      return s.length > 48 ? s.slice(0, 45) + '…' : s;
    }

    function renderList() {
      list.textContent = '';
      st.findings.forEach(function (f) {
        var li = el('li', 'mp-precheck-item', { margin: '.3em 0', padding: '.3em .5em', borderLeft: '3px solid #d93025', background: 'rgba(255,190,0,.12)' });
        var msg = el('div', 'mp-precheck-message');
        msg.textContent = f.message;
        li.append(msg);
        var row = el('div', 'mp-precheck-detail');
        if (f.span) {
          var q = el('mark', 'mp-precheck-snippet', { background: 'rgba(255,190,0,.38)', color: 'inherit', cursor: 'pointer' });
          q.textContent = snippet(f);
          q.title = f.type;
          q.addEventListener('click', function () { ta.focus(); ta.setSelectionRange(f.span.start, f.span.end); });
          row.append(q, ' ');
        }
        if (f.suggestion) {
          var sg = el('span', 'mp-precheck-suggestion');
          sg.textContent = f.suggestion;
          row.append(sg, ' ');
        }
        if (f.fix) {
          var btn = el('button', 'mp-precheck-fix', { cursor: 'pointer' });
          btn.type = 'button';
          btn.textContent = t.remove;
          if (f.span) btn.setAttribute('aria-label', t.remove + ': ' + snippet(f));
          btn.addEventListener('click', function () { applyFix(f); });
          row.append(btn);
        }
        if (row.childNodes.length) li.append(row);
        list.append(li);
      });
    }

    function render(state) {
      panel.dataset.state = state;
      panel.removeAttribute('aria-busy');
      if (state === 'done' && st.action && st.action !== 'publish') ta.setAttribute('aria-invalid', 'true');
      else ta.removeAttribute('aria-invalid');
      status.textContent = state === 'error' ? t.error : state === 'busy' ? t.busy
        : state !== 'done' ? '' : st.findings.length ? t[HEADLINE[st.action] || 'note'] : t.ok;
      paint();
      renderList();
      layout();
    }

    // While the buyer types, findings before the edit keep their offsets, findings after it
    // move with it, and a finding the edit touches is dropped until the next answer.
    function shift(next) {
      var prev = st.text;
      if (prev === next) return false;
      var max = Math.min(prev.length, next.length), p = 0, q = 0;
      while (p < max && prev.charCodeAt(p) === next.charCodeAt(p)) p++;
      while (q < max - p && prev.charCodeAt(prev.length - 1 - q) === next.charCodeAt(next.length - 1 - q)) q++;
      var editEnd = prev.length - q, delta = next.length - prev.length, before = st.findings.length;
      st.findings = st.findings.filter(function (f) {
        var lo = Infinity, hi = -1;
        [f.span, f.fix].forEach(function (x) { if (x) { lo = Math.min(lo, x.start); hi = Math.max(hi, x.end); } });
        if (hi <= p) return true;
        if (lo < editEnd) return false;
        [f.span, f.fix].forEach(function (x) { if (x) { x.start += delta; x.end += delta; } });
        return true;
      });
      st.text = next;
      return st.findings.length !== before;
    }

    function onInput() {
      if (shift(ta.value)) renderList();
      paint();
      schedule(DELAY);
    }

    function schedule(ms) {
      clearTimeout(st.timer);
      if (st.ctrl) { st.ctrl.abort(); st.ctrl = null; }
      st.timer = setTimeout(check, ms);
    }

    function applyFix(f) {
      var x = f.fix;
      if (ta.value !== st.text || !validSpan(x, ta.value.length)) { schedule(0); return; }
      ta.focus();
      ta.setRangeText(x.replacement, x.start, x.end, 'end');
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      schedule(0);
    }

    function body(text) {
      var tie = tieId && document.getElementById(tieId);
      var author = { accountId: d.accountId || cfg.accountId || 'precheck' };
      if (tie) author.disclosedSellerTie = !!tie.checked;
      var b = { kind: kind, text: text, author: author, seller: { id: d.sellerId || cfg.sellerId || 'precheck' } };
      if (locale) b.locale = locale;
      return JSON.stringify(b);
    }

    function check() {
      st.timer = 0;
      var text = ta.value;
      st.text = text;
      if (!text.trim() || text.length > MAX_CHARS) { st.findings = []; render('idle'); return; }
      var ctrl = new AbortController();
      st.ctrl = ctrl;
      panel.dataset.state = 'checking';
      panel.setAttribute('aria-busy', 'true');
      fetch(ENDPOINT, { method: 'POST', mode: 'cors', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: body(text), signal: ctrl.signal })
        .then(function (r) {
          if (r.status === 429) {
            var wait = (Number(r.headers.get('retry-after')) || 60) * 1000;
            if (st.ctrl === ctrl) { st.ctrl = null; render('busy'); st.timer = setTimeout(check, wait); }
            return null;
          }
          if (!r.ok) throw new Error('precheck ' + r.status);
          return r.json();
        })
        .then(function (res) {
          if (!res || st.ctrl !== ctrl || ta.value !== text) return;
          st.ctrl = null;
          st.action = res.action;
          st.findings = (Array.isArray(res.findings) ? res.findings : []).filter(function (f) {
            return f && typeof f.message === 'string';
          }).map(function (f) {
            return {
              type: String(f.type), message: f.message,
              suggestion: typeof f.suggestion === 'string' ? f.suggestion : '',
              span: validSpan(f.span, text.length) ? { start: f.span.start, end: f.span.end } : null,
              fix: f.fix && typeof f.fix.replacement === 'string' && validSpan(f.fix, text.length)
                ? { start: f.fix.start, end: f.fix.end, replacement: f.fix.replacement } : null,
            };
          });
          render('done');
          ta.dispatchEvent(new CustomEvent('precheck:result', { bubbles: true, detail: res }));
        })
        .catch(function () {
          if (st.ctrl !== ctrl) return; // aborted for a newer check
          st.ctrl = null;
          render('error');
        });
    }

    ta.addEventListener('input', onInput);
    ta.addEventListener('scroll', scroll, { passive: true });
    addEventListener('resize', layout);
    if (typeof ResizeObserver === 'function') new ResizeObserver(layout).observe(ta);
    // A form reset changes the value without an input event.
    if (ta.form) ta.form.addEventListener('reset', function () { setTimeout(function () { schedule(0); }, 0); });
    var tieBox = tieId && document.getElementById(tieId);
    if (tieBox) tieBox.addEventListener('change', function () { if (ta.value.trim()) schedule(0); });
    layout();
    paint();
    if (ta.value.trim()) schedule(0);
  }

  function scan() {
    document.querySelectorAll('textarea[data-precheck]').forEach(function (ta) { attach(ta); });
  }

  window.MarketplacePrecheck = { attach: attach, scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
`;
