/* hocvuso search: finds lessons with or without Vietnamese accents, from the web or file://.
   The index (hocvuso/output/search_index.py) is split into small scripts: words by a hash of
   their folded form ("lua", "dao"), and one per lesson; a query loads only the files of
   its words and of the results on screen, and keeps them for later queries. Scripts, never fetch: browsers
   refuse fetch from file://. Text from the index is only ever set as textContent. */
(function () {
  "use strict";
  var doc = document, me = doc.currentScript, base = me.getAttribute("data-hv-index"),
    root = me.getAttribute("data-hv-root"), buckets = +me.getAttribute("data-hv-buckets"), PAGE = 10;
  var words = [], phrases = {}, pending = {}, got = {}, shown = 0, ranked = [], asked = 0, timer, summary = "", unsaved = 0;
  var form = doc.getElementById("hv-search"), box = doc.getElementById("hv-q"),
    status = doc.getElementById("hv-search-status"), list = doc.getElementById("hv-results"),
    more = doc.getElementById("hv-more");
  if (!form) return;

  /* Same rules as search_index.py: NFC, lowercase, letters and digits, at most 30. */
  function split(text) {
    return (text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [])
      .filter(function (w) { return w.length <= 30; });
  }
  function fold(w) {
    return w.normalize("NFD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
      .replace(/đ/g, "d");
  }
  function bucket(f) { /* FNV-1a over code points */
    var h = 0x811c9dc5;
    Array.from(f).forEach(function (c) { h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0; });
    return h % buckets;
  }

  function load(path) {
    if (got.hasOwnProperty(path)) return Promise.resolve(got[path]);
    if (!pending[path]) pending[path] = new Promise(function (done) {
      var s = doc.createElement("script");
      s.src = base + path;
      s.onload = s.onerror = function () { /* a word nobody wrote has no file */
        if (!got.hasOwnProperty(path)) got[path] = null;
        s.remove();
        done(got[path]);
      };
      doc.head.appendChild(s);
    });
    return pending[path];
  }
  window.hvSearch = {
    s: function (b, words) { got["s/" + b + ".js"] = words; },
    d: function (n, page) { got["d/" + n + ".js"] = page; }
  };

  /* Lessons with the most query words first; then those where words typed next to each
     other are next to each other ("ma otp": "mã OTP" before "ma túy … OTP"); then the most
     spelled exactly as typed, which counts only for words typed with accents (bare "ma" is
     a learner who did not type them, not a choice of "ma" over "mã"); then by weight. */
  function rank(terms, shards, pairs) {
    var docs = {};
    terms.forEach(function (term, i) {
      var shard = shards[i], accented = term !== fold(term);
      if (!shard) return;
      Object.keys(shard[1]).forEach(function (spelling) { /* shard: [idf, {spelling: postings}, {next: docs}] */
        var post = shard[1][spelling], n = 0, exact = spelling === term || !accented;
        for (var j = 0; j < post.length; j += 2) {
          n += post[j];
          var d = docs[n] || (docs[n] = { n: n, m: {}, e: {} });
          /* per word, its best spelling in the lesson: "mat" must not add up mặt, mất and mật */
          d.m[i] = Math.max(d.m[i] || 0, post[j + 1] * shard[0] * (exact ? 1 : 0.5));
          if (exact) d.e[i] = accented ? 1 : 0;
        }
      });
    });
    /* Words next to each other, by folded form; a word typed with accents must also be
       spelled so in the lesson ("lúa dao" is not the scam lesson's "lừa đảo"). */
    var near = {};
    pairs.forEach(function (pair) {
      var next = shards[pair[0]] && shards[pair[0]][2], post = next && next[fold(terms[pair[1]])], n = 0;
      for (var j = 0; post && j < post.length; j++) {
        n += post[j];
        var d = docs[n];
        if (d && pair.every(function (i) { return d.e.hasOwnProperty(i); })) near[n] = (near[n] || 0) + 1;
      }
    });
    var all = Object.keys(docs).map(function (k) {
      var d = docs[k], w = Object.keys(d.m).map(function (i) { return d.m[i]; }), e = 0;
      for (var i in d.e) e += d.e[i];
      d.w = w.reduce(function (a, b) { return a + b; }, 0); d.m = w.length; d.e = e; d.a = near[k] || 0;
      return d;
    });
    var best = all.reduce(function (m, d) { return Math.max(m, d.m); }, 0);
    return all.filter(function (d) { return d.m === best; })
      .sort(function (a, b) { return b.a - a.a || b.e - a.e || b.w - a.w || a.n - b.n; });
  }

  function search(query) {
    var typed = split(query), terms = typed.filter(function (w, i, all) { return all.indexOf(w) === i; }),
      pairs = {}, ask = ++asked;
    for (var k = 1; k < typed.length; k++) { /* words typed one after the other, as indexes into terms */
      var pair = [terms.indexOf(typed[k - 1]), terms.indexOf(typed[k])];
      if (pair[0] !== pair[1]) pairs[pair] = pair;
    }
    words = terms;
    phrases = {};
    for (k in pairs) phrases[fold(terms[pairs[k][0]]) + " " + fold(terms[pairs[k][1]])] = 1;
    list.textContent = ""; more.hidden = true; ranked = []; shown = 0; unsaved = 0;
    if (!terms.length) { status.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    Promise.all(terms.map(function (t) {
      return load("s/" + bucket(fold(t)) + ".js").then(function (words) { return words && words[fold(t)]; });
    })).then(function (shards) {
      if (ask !== asked) return;
      ranked = rank(terms, shards, Object.keys(pairs).map(function (k) { return pairs[k]; }));
      var quoted = "“" + query.trim() + "”";
      summary = status.textContent = ranked.length ? "Tìm thấy " + ranked.length + " bài học có " + quoted + "."
        : "Không tìm thấy bài học nào có " + quoted + ". Hãy thử từ khác, ít từ hơn, hoặc gõ không dấu.";
      page(ask);
    });
  }

  function page(ask) {
    var slice = ranked.slice(shown, shown + PAGE);
    shown += slice.length;
    Promise.all(slice.map(function (d) { return load("d/" + d.n + ".js"); })).then(function (pages) {
      if (ask !== asked) return;
      pages.forEach(function (p) { if (p) list.appendChild(result(p)); else unsaved++; });
      /* offline after a tier download, lessons of other tiers have no file here */
      if (unsaved) status.textContent = summary + " " + unsaved + " bài chưa được tải về máy này nên không hiện ở đây.";
      more.hidden = shown >= ranked.length;
    });
  }

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function result(p) {
    var folded = words.map(fold), best = null, bestHits = -1;
    p.s.forEach(function (s) { /* [heading, anchor, text]: the section with the words typed side by side, or the most of them */
      var hits = split(s[0] + " " + s[2]).filter(function (w) { return folded.indexOf(fold(w)) >= 0; }).length +
        (found(s[2], folded).near ? 1e6 : 0);
      if (hits > bestHits) { best = s; bestHits = hits; }
    });
    var li = el("li", "hv-result"), h = el("h2", "hv-result__title"),
      a = el("a", "", p.t);
    a.href = root + p.u + (best && best[1] && bestHits > 0 ? "#" + best[1] : "");
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(el("p", "hv-result__where", p.r + (best && best[0] ? " › " + best[0] : "")));
    var snip = el("p", "hv-result__snippet");
    marked(snip, excerpt(best ? best[2] : "", folded), folded);
    li.appendChild(snip);
    return li;
  }
  /* Where the words typed next to each other first stand so in the text, else the first
     query word: {at: offset, near: true when they do}. */
  function found(text, folded) {
    var re = /[\p{L}\p{N}]+/gu, m, prev = null, first = -1, f;
    while ((m = re.exec(text))) {
      f = fold(m[0].normalize("NFC").toLowerCase());
      if (prev && phrases[prev.f + " " + f] && !text.slice(prev.end, m.index).trim()) return { at: prev.at, near: true };
      if (first < 0 && folded.indexOf(f) >= 0) first = m.index;
      prev = { f: f, at: m.index, end: m.index + m[0].length };
    }
    return { at: Math.max(first, 0), near: false };
  }
  /* About 200 characters around that place, cut at spaces. */
  function excerpt(text, folded) {
    var at = found(text, folded).at;
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 60))), end = text.indexOf(" ", at + 160);
    if (end < 0) end = text.length;
    return (start > 0 ? "…" : "") + text.slice(start, end).trim() + (end < text.length ? "…" : "");
  }
  function marked(node, text, folded) {
    var re = /[\p{L}\p{N}]+/gu, m, last = 0;
    while ((m = re.exec(text))) {
      if (folded.indexOf(fold(m[0].normalize("NFC").toLowerCase())) < 0) continue;
      node.appendChild(doc.createTextNode(text.slice(last, m.index)));
      node.appendChild(el("mark", "", m[0]));
      last = m.index + m[0].length;
    }
    node.appendChild(doc.createTextNode(text.slice(last)));
  }

  function remember(query) { /* ?q= in the address, so Back and shared links keep the search */
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(query)); } catch (e) { /* file:// may refuse */ }
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    remember(box.value);
    search(box.value);
  });
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { remember(box.value); search(box.value); }, 300);
  });
  more.addEventListener("click", function () { page(asked); });
  /* A query from the address, or words typed before this script arrived on a slow phone. */
  var start = box.value || new URLSearchParams(location.search).get("q");
  if (start) { box.value = start; search(start); }
})();
