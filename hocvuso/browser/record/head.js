/* hocvuso learner records, with no server: "Tiến độ của tôi", "Giấy chứng nhận", "Lớp học".
   Each page gets one script made of this file, the parts it uses (codes.js, progress.js,
   certificate.js, class.js) and tail.js, in one closure (hocvuso/output/scripts.py RECORD_PAGES):
   the progress page carries no code reader, no certificate and no class table.
   The page's #hv-course JSON is a small index of the course: its tiers, each tier's final
   test, enough to read a completion code. What a tier's lessons add (quizzes, competences)
   is in that tier's summary, whose parts this page needs (t.d) are loaded only for a tier
   it shows (<script>s, so it works from file://); see hocvuso/render/records.py. Results
   come from the quiz engine's own count (window.hvTally, tally.js, at the end of the
   progress and certificate scripts), which counts the quizzes this script and the
   summaries put in window.hvQuiz.
   A completion code carries name, place, tier, per-quiz scores and date in Crockford
   base32 with a CRC-16 that catches typos. It is a record the learner carries, not a
   tamper-proof credential: anyone can make one, and the pages say so. Nothing leaves
   the device; text from codes is only ever set as textContent.
   A score shown anywhere is percent(): whole percent of questions right, rounded down.
   Version 2 codes carry the final test's score exactly, so the certificate, the class
   table and the CSV show one number; version 1 codes (tens of percent for every quiz)
   still read, their final score in tens. */
(function () {
  "use strict";
  var doc = document, root = doc.getElementById("hv-record");
  if (!root) return;
  var course = JSON.parse(doc.getElementById("hv-course").textContent);
  var base = doc.getElementById("hv-course").getAttribute("data-hv-root") || "";
  var finals = {};
  course.tiers.forEach(function (t) { finals[t.f] = t.fq; });
  window.hvQuiz = { c: course.c, q: finals };
  function tally(id) { return window.hvTally ? window.hvTally(id) : null; }

  /* ---- scripts loaded on demand, each once; false when it could not be (offline) */
  var loading = {};
  function script(path) {
    if (!loading[path]) loading[path] = new Promise(function (done) {
      var s = doc.createElement("script");
      s.src = base + path;
      s.onload = function () { done(true); };
      s.onerror = function () { delete loading[path]; s.remove(); done(false); }; /* a later try may work */
      doc.head.appendChild(s);
    });
    return loading[path];
  }
  /* A tier's summary: t.q, one [quiz id, lesson title, lesson address, competences] per
     quiz (what the page's parts hold of it), and t.k, the tier's competences. */
  function loaded(t) { return !!t.k; }
  function summary(t) {
    return Promise.all(t.d.map(script)).then(function (ok) {
      var r = (window.hvTiers || {})[t.s];
      if (ok.indexOf(false) >= 0 || !r) return false;
      t.q = r.qc.map(function (c, i) { var l = r.ql ? r.ql[i] : []; return [r.qi ? r.qi[i] : "", l[0], l[1], c]; });
      t.k = r.k;
      return true;
    });
  }

  var pages = {}; /* data-hv-page -> what fills it: each page's part adds its own */

  /* ---- results on this device */
  function percent(right, total) { return Math.floor(100 * right / total); } /* 14/15: 93; 199/200: 99, never 100 */
  function score(id) {
    var t = tally(id);
    return t && t.done ? { pass: t.passed, pct: percent(t.right, t.total), right: t.right, total: t.total } : null;
  }
  function myScores(tier) { /* once the tier's summary is loaded */
    return tier.q.map(function (q) { return q[0]; }).concat([tier.f]).map(score);
  }
  function status(tier, scores, code) { /* "pass" | "progress" | "none" for one competence */
    var mine = (tier.q || []).map(function (q, i) { return q[3].indexOf(code) >= 0 ? scores[i] : undefined; })
      .filter(function (s) { return s !== undefined; });
    if (mine.length && mine.every(function (s) { return s && s.pass; })) return "pass";
    return mine.some(function (s) { return s; }) ? "progress" : "none";
  }
  var WORDS = { pass: "✓ Đã đạt", progress: "◐ Đang học", none: "○ Chưa bắt đầu" };
  function finalOf(scores) { return scores[scores.length - 1]; }

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function link(href, text) { var a = el("a", "", text); a.href = href; return a; }
  /* A wide table scrolls in its own box, never the page; the box is a named region a
     keyboard can focus and scroll (axe: scrollable-region-focusable). */
  var scrollers = 0;
  function scroller(table, name) {
    var wrap = el("div", "hv-table-wrap"), caption = el("caption", "", name);
    caption.id = "hv-table-" + ++scrollers;
    table.insertBefore(caption, table.firstChild);
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-labelledby", caption.id);
    wrap.appendChild(table);
    return wrap;
  }
  function key(name) { return "hocvuso:" + course.c + ":" + name; }
  function read(name, fallback) {
    try { return JSON.parse(localStorage.getItem(key(name))) || fallback; } catch (e) { return fallback; }
  }
  function write(name, value) { try { localStorage.setItem(key(name), JSON.stringify(value)); } catch (e) { /* full */ } }

  /* ---- "Tiến độ của tôi": every tier's final test from the index; a tier's competences
     once its summary is loaded: the tier asked for (?cap=), one the learner opened before
     or has begun the final test of, or any tier at the learner's tap. */
