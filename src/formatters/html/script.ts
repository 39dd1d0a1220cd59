/**
 * The page's script, inlined into a `<script>` element (its hash is allowed by
 * the page's Content-Security-Policy; nothing else may run). Plain ES2017, no
 * template literals, so it can live in this string. It builds every node with
 * textContent or by cloning nodes already on the page: no text from a report
 * is ever parsed as HTML.
 *
 * What it does: sorts and filters the summary table, and shows the findings
 * behind a highlight in a popover when it is clicked (or focused and Enter).
 */
export const SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('reportlint-data').textContent);
  var lang = document.documentElement.lang || 'zh-CN';
  var table = document.getElementById('summary-table');
  var byId = function (id) { return document.getElementById(id); };

  /* ---- sorting ---- */
  if (table) {
    var tbody = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    var sortCol = -1, sortDir = 1;
    var value = function (row, col) {
      var v = row.cells[col].getAttribute('data-v');
      return v === null ? row.cells[col].textContent : v;
    };
    var sortBy = function (col) {
      sortDir = col === sortCol ? -sortDir : (heads[col].getAttribute('data-type') === 'text' || col === 0 ? 1 : -1);
      sortCol = col;
      var rows = Array.prototype.slice.call(tbody.rows);
      var numeric = heads[col].getAttribute('data-type') !== 'text';
      rows.sort(function (a, b) {
        var x = value(a, col), y = value(b, col), d;
        if (numeric) d = Number(x) - Number(y);
        else d = String(x).localeCompare(String(y), lang);
        return d * sortDir || Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
      for (var i = 0; i < heads.length; i++) {
        if (heads[i].querySelector('button')) heads[i].setAttribute('aria-sort', i === col ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
      }
    };
    Array.prototype.forEach.call(heads, function (th, col) {
      var b = th.querySelector('button');
      if (b) b.addEventListener('click', function () { sortBy(col); });
    });
  }

  /* ---- filtering ---- */
  var filters = byId('filters');
  var ruleSel = byId('f-rule'), sevSel = byId('f-sev'), verdictSel = byId('f-verdict');
  var status = byId('f-status');
  var matches = function (f, rule, sev) {
    return (rule === '' || f[0] === rule) && (sev === '' || String(f[1]) === sev);
  };
  var applyFilters = function () {
    var rule = ruleSel.value, sev = sevSel.value, verdict = verdictSel.value;
    var active = rule !== '' || sev !== '';
    var shown = 0;
    table.classList.toggle('filtered', active);
    data.files.forEach(function (file, i) {
      var n = 0;
      file.findings.forEach(function (f) { if (matches(f, rule, sev)) n++; });
      var visible = (!active || n > 0) && (verdict === '' || (verdict === 'pass') === file.pass);
      if (visible) shown++;
      var row = byId('row-' + (i + 1));
      row.hidden = !visible;
      var cell = row.querySelector('.c-match');
      cell.textContent = String(n);
      cell.setAttribute('data-v', String(n));
      var article = byId('r' + (i + 1));
      article.hidden = !visible;
      file.findings.forEach(function (f, j) {
        var li = byId('r' + (i + 1) + '-f' + (j + 1));
        if (li) li.hidden = active && !matches(f, rule, sev);
      });
      Array.prototype.forEach.call(article.querySelectorAll('[data-f]'), function (el) {
        var ks = el.getAttribute('data-f').split(' ');
        var any = ks.some(function (k) { var f = file.findings[Number(k) - 1]; return f && matches(f, rule, sev); });
        el.classList.toggle('dim', active && !any);
      });
      Array.prototype.forEach.call(article.querySelectorAll('.group'), function (g) {
        g.hidden = !g.querySelector('li.finding:not([hidden])') && g.querySelector('li.finding') !== null;
      });
    });
    status.textContent = data.labels.status.replace('{shown}', String(shown)).replace('{total}', String(data.files.length));
  };
  if (filters && table) {
    filters.hidden = false;
    [ruleSel, sevSel, verdictSel].forEach(function (s) { s.addEventListener('change', applyFilters); });
    byId('f-reset').addEventListener('click', function () {
      ruleSel.value = ''; sevSel.value = ''; verdictSel.value = '';
      applyFilters();
    });
    applyFilters();
  }

  /* ---- the popover ---- */
  var pop = byId('pop');
  var popList = pop.querySelector('ol');
  var popTitle = pop.querySelector('.pop-title');
  var opener = null;
  var close = function () {
    if (pop.hidden) return;
    pop.hidden = true;
    Array.prototype.forEach.call(document.querySelectorAll('.active, li.finding.current'), function (el) { el.classList.remove('active'); el.classList.remove('current'); });
    if (opener) opener.focus({ preventScroll: true });
    opener = null;
  };
  var open = function (target) {
    var article = target.closest('article.report');
    if (!article) return;
    close();
    while (popList.firstChild) popList.removeChild(popList.firstChild);
    var ks = target.getAttribute('data-f').split(' ');
    var aside = article.querySelector('.findings-col .scroll');
    ks.forEach(function (k, i) {
      var li = byId(article.id + '-f' + k);
      if (!li) return;
      var copy = li.cloneNode(true);
      copy.removeAttribute('id');
      copy.hidden = false;
      Array.prototype.forEach.call(copy.querySelectorAll('[id]'), function (el) { el.removeAttribute('id'); });
      popList.appendChild(copy);
      li.classList.add('current');
      if (i === 0 && aside && aside.scrollHeight > aside.clientHeight) aside.scrollTop = li.offsetTop - aside.offsetTop - 40;
    });
    var first = byId(article.id + '-f' + ks[0]);
    var group = first && first.closest('.group');
    popTitle.textContent = group ? group.querySelector('h5').textContent : '';
    target.classList.add('active');
    pop.hidden = false;
    var rect = target.getBoundingClientRect();
    var width = pop.offsetWidth;
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    pop.style.left = left + 'px';
    pop.style.top = (rect.bottom + window.scrollY + 6) + 'px';
    opener = target;
  };
  document.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target.closest('mark.hl[data-f], a.ref[data-f]') : null;
    if (t && !pop.contains(t)) {
      e.preventDefault();
      if (opener === t) close();
      else open(t);
      return;
    }
    if (e.target.closest && e.target.closest('.pop-close')) { close(); return; }
    if (!pop.contains(e.target)) close();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { close(); return; }
    var t = e.target;
    if ((e.key === 'Enter' || e.key === ' ') && t.matches && t.matches('mark.hl[data-f]')) { e.preventDefault(); open(t); }
  });

  /* ---- from the list to the text ---- */
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('li.finding a.num, a.loc') : null;
    if (!a || pop.contains(a)) return;
    var target = byId(a.getAttribute('href').slice(1));
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({ block: 'center' });
    var article = target.closest('article.report');
    var k = a.getAttribute('data-k');
    Array.prototype.forEach.call(article.querySelectorAll('[data-f]'), function (el) {
      if (el.getAttribute('data-f').split(' ').indexOf(k) !== -1) {
        el.classList.remove('flash');
        void el.offsetWidth;
        el.classList.add('flash');
      }
    });
  });
  window.addEventListener('beforeprint', close);
})();
`;
