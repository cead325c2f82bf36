/* hocvuso learner records, with no server: "Tiến độ của tôi", "Giấy chứng nhận", "Lớp học".
   The page's #hv-course JSON is a small index of the course: its tiers, each tier's final
   test, enough to read a completion code. What a tier's lessons add (quizzes, competences)
   is in that tier's summary, whose parts this page needs (t.d) are loaded only for a tier
   it shows (<script>s, so it works from file://); see hocvuso/record_pages.py. Results
   come from the quiz engine (window.hvTally, quiz.js), which runs after this script and
   counts the quizzes this script and the summaries put in window.hvQuiz.
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
  var ALPHA = "0123456789ABCDEFGHJKMNPQRSTVWXYZ", VERSION = 2, EPOCH = Date.UTC(2025, 0, 1), DAY = 864e5;
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

  /* ---- completion codes */
  function crc16(bits) { /* CRC-16/CCITT-FALSE over a bit list */
    var c = 0xffff;
    bits.forEach(function (b) { var top = (c >>> 15) ^ b; c = (c << 1) & 0xffff; if (top) c ^= 0x1021; });
    return c;
  }
  function encode(r) {
    var bits = [];
    function put(v, n) { for (var i = n - 1; i >= 0; i--) bits.push((v >>> i) & 1); }
    function text(s) {
      var bytes = Array.from(new TextEncoder().encode((s || "").normalize("NFC")));
      while (bytes.length > 63) { s = Array.from(s).slice(0, -1).join(""); bytes = Array.from(new TextEncoder().encode(s)); }
      put(bytes.length, 6);
      bytes.forEach(function (b) { put(b, 8); });
    }
    put(VERSION, 3); put(r.tier.i, 3); put(r.tier.h, 16); put(r.day, 15);
    var fin = r.scores.length - 1;
    r.scores.forEach(function (s, i) { /* pass bit, then tens of percent; the final test in whole percent */
      if (i < fin) put(s ? (s.pass ? 16 : 0) | Math.round(s.pct / 10) : 31, 5);
      else put(s ? (s.pass ? 128 : 0) | s.pct : 127, 8);
    });
    text(r.name); text(r.place);
    while ((bits.length + 16) % 5) bits.push(0);
    put(crc16(bits), 16);
    var out = "";
    for (var i = 0; i < bits.length; i += 5) out += ALPHA[parseInt(bits.slice(i, i + 5).join(""), 2)];
    return out;
  }
  function decode(input) {
    var s = String(input).toUpperCase().replace(/[\s\-–.]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
    if (s.length < 12) return { error: "Mã quá ngắn. Hãy gõ đủ mọi ký tự trên giấy chứng nhận." };
    var bits = [];
    for (var i = 0; i < s.length; i++) {
      var v = ALPHA.indexOf(s[i]);
      if (v < 0) return { error: "Mã có ký tự “" + s[i] + "” không dùng trong mã hoàn thành. Hãy kiểm tra lại." };
      for (var k = 4; k >= 0; k--) bits.push((v >>> k) & 1);
    }
    var body = bits.slice(0, -16), check = parseInt(bits.slice(-16).join(""), 2);
    if (crc16(body) !== check) return { error: "Mã không đúng: có thể đã gõ nhầm hoặc thiếu một ký tự. Hãy so lại từng nhóm ký tự." };
    var at = 0, fail = false;
    function get(n) {
      if (at + n > body.length) { fail = true; return 0; }
      var v = parseInt(body.slice(at, at + n).join(""), 2); at += n; return v;
    }
    function text() {
      var n = get(6), bytes = [];
      for (var j = 0; j < n; j++) bytes.push(get(8));
      return fail ? "" : new TextDecoder().decode(new Uint8Array(bytes));
    }
    var version = get(3);
    if (version < 1 || version > VERSION) return { error: "Mã này do phiên bản khác của hocvuso tạo ra." };
    var index = get(3), h = get(16), day = get(15);
    var tier = course.tiers.filter(function (t) { return t.i === index && t.h === h; })[0];
    if (!tier) return { error: "Mã này thuộc khóa học khác, hoặc phiên bản khác của khóa học này." };
    var scores = [];
    for (var n = 0; n <= tier.nq; n++) { /* each quiz of the tier, then its final test (whole percent from version 2) */
      if (version > 1 && n === tier.nq) { var f = get(8); scores.push(f === 127 ? null : { pass: f >= 128, pct: f & 127 }); continue; }
      var v = get(5);
      scores.push(v === 31 ? null : { pass: v >= 16, pct: (v & 15) * 10 });
    }
    var name = text(), place = text();
    if (fail || !name) return { error: "Mã không đúng: thiếu ký tự. Hãy gõ đủ mã." };
    return { tier: tier, day: day, scores: scores, name: name, place: place, code: s };
  }
  function grouped(code) { return code.replace(/(.{4})(?=.)/g, "$1-"); }
  function dateOf(day) {
    var d = new Date(EPOCH + day * DAY);
    return ("0" + d.getUTCDate()).slice(-2) + "/" + ("0" + (d.getUTCMonth() + 1)).slice(-2) + "/" + d.getUTCFullYear();
  }
  function today() { var n = new Date(); return Math.floor((Date.UTC(n.getFullYear(), n.getMonth(), n.getDate()) - EPOCH) / DAY); }
  window.hvCode = { encode: encode, decode: decode, grouped: grouped }; /* for tests */

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
  function progressPage() {
    var wanted = new URLSearchParams(location.search).get("cap"), seen = read("tien-do", []);
    if (!Array.isArray(seen)) seen = [];
    course.tiers.forEach(function (tier) {
      var fin = score(tier.f), sec = el("section", "hv-progress"), more = el("div");
      sec.appendChild(el("h2", "", "Cấp " + tier.n));
      var p = el("p");
      p.appendChild(link(tier.fu, "Bài kiểm tra cuối cấp"));
      p.appendChild(doc.createTextNode(": " + (fin ? (fin.pass ? "✓ Đã đạt" : "Chưa đạt") + " (" + fin.right + "/" + fin.total + " câu đúng)" : "chưa làm") + ". "));
      if (fin && fin.pass) p.appendChild(link("chung-nhan.html?cap=" + encodeURIComponent(tier.s), "Nhận giấy chứng nhận"));
      sec.appendChild(p);
      sec.appendChild(more);
      root.appendChild(sec);
      function offer(text) {
        var again = el("p"), button = el("button", "hv-button hv-button--secondary", "Xem từng năng lực của cấp " + tier.n);
        button.type = "button";
        button.addEventListener("click", function () { open(true); });
        if (text) more.appendChild(el("p", "", text));
        again.appendChild(button);
        more.appendChild(again);
      }
      function open(tapped) {
        more.textContent = "";
        more.appendChild(el("p", "", "Đang mở kết quả từng năng lực…"));
        summary(tier).then(function (ok) {
          more.textContent = "";
          if (!ok) return offer("Chưa mở được kết quả từng năng lực của cấp " + tier.n + ". Hãy kết nối mạng rồi thử lại.");
          if (seen.indexOf(tier.s) < 0) { seen.push(tier.s); write("tien-do", seen); }
          more.appendChild(competences(tier, myScores(tier)));
          if (tapped) more.querySelector("table").focus();
        });
      }
      if (tier.s === wanted || seen.indexOf(tier.s) >= 0 || fin || course.tiers.length === 1) open(false);
      else offer("");
    });
  }
  function competences(tier, scores) {
    var table = el("table", "hv-progress__table"), head = el("tr");
    table.tabIndex = -1; /* where a tap on "Xem từng năng lực" leads the keyboard and screen reader */
    ["Năng lực số", "Trạng thái", "Bài kiểm tra"].forEach(function (h) { var th = el("th", "", h); th.scope = "col"; head.appendChild(th); });
    table.appendChild(head);
    tier.k.forEach(function (k) {
      var tr = el("tr"), th = el("th", "", k[0] + " " + k[1]), st = status(tier, scores, k[0]), cell = el("td");
      th.scope = "row";
      tr.appendChild(th);
      tr.appendChild(el("td", "hv-st hv-st--" + st, WORDS[st]));
      tier.q.forEach(function (q, i) {
        if (q[3].indexOf(k[0]) < 0) return;
        var line = el("span", "hv-progress__quiz"), s = scores[i];
        line.appendChild(link(q[2], q[1]));
        line.appendChild(doc.createTextNode(": " + (s ? s.right + "/" + s.total + (s.pass ? " ✓" : "") : "chưa làm")));
        cell.appendChild(line);
      });
      tr.appendChild(cell);
      table.appendChild(tr);
    });
    return scroller(table, "Năng lực số của cấp " + tier.n);
  }

  /* ---- the certificate itself, for the learner and for bulk printing: one A4 landscape
     sheet each (hocvuso.css), the code and QR beside the date at the foot */
  function certificate(r) {
    var box = el("article", "hv-cert"), fin = finalOf(r.scores);
    box.appendChild(el("p", "hv-cert__course", course.t));
    box.appendChild(el("h2", "hv-cert__title", "Giấy chứng nhận"));
    box.appendChild(el("p", "", "Chứng nhận"));
    box.appendChild(el("p", "hv-cert__name" + (Array.from(r.name).length > 30 ? " hv-cert__name--long" : ""), r.name));
    if (r.place) box.appendChild(el("p", "", r.place));
    box.appendChild(el("p", "", "đã hoàn thành chương trình học cấp " + r.tier.n + (fin ? ", bài kiểm tra cuối cấp đạt " + fin.pct + "%" : "") + "."));
    var passed = (r.tier.k || []).filter(function (k) { return status(r.tier, r.scores, k[0]) === "pass"; });
    if (passed.length) {
      box.appendChild(el("p", "hv-cert__label", "Năng lực số đã đạt:"));
      var ul = el("ul", "hv-cert__list");
      passed.forEach(function (k) { ul.appendChild(el("li", "", k[0] + " " + k[1])); });
      box.appendChild(ul);
    }
    var foot = el("div", "hv-cert__code"), words = el("div", "hv-cert__words"), c = el("p");
    if (window.hvQR) foot.appendChild(window.hvQR(r.code, "Mã QR của mã hoàn thành"));
    c.appendChild(doc.createTextNode("Mã hoàn thành: "));
    c.appendChild(el("code", "hv-cert__codetext", grouped(r.code)));
    words.appendChild(c);
    words.appendChild(el("p", "hv-cert__meta", "Ngày " + dateOf(r.day) + " · Khóa học: " + course.t + ", phiên bản " + course.v));
    words.appendChild(el("p", "hv-cert__note", "Mã do máy của người học tạo ra, dùng để ghi nhận kết quả vào danh sách lớp; không phải văn bằng."));
    foot.appendChild(words);
    box.appendChild(foot);
    return box;
  }

  /* ---- "Giấy chứng nhận" */
  function certificatePage() {
    var form = doc.getElementById("hv-cert-form"), out = doc.getElementById("hv-certs"),
      say = doc.getElementById("hv-cert-status"), wanted = new URLSearchParams(location.search).get("cap");
    var done = course.tiers.filter(function (t) { var f = score(t.f); return f && f.pass; });
    var tier = done.filter(function (t) { return t.s === wanted; })[0] || done[0];
    if (!tier) {
      say.textContent = "Bạn chưa đạt bài kiểm tra cuối cấp nào trên máy này. Hãy học xong và làm bài kiểm tra cuối cấp, rồi quay lại đây.";
      course.tiers.forEach(function (t) { var p = el("p"); p.appendChild(link(t.fu, "Bài kiểm tra cuối cấp " + t.n)); out.appendChild(p); });
      return;
    }
    say.textContent = "Đang mở kết quả cấp " + tier.n + "…";
    summary(tier).then(function (ok) {
      if (ok) return certificateForm(tier, form, out, say);
      say.textContent = "Chưa mở được kết quả cấp " + tier.n + " để tạo giấy chứng nhận. Hãy kết nối mạng rồi tải lại trang.";
    });
  }
  function certificateForm(tier, form, out, say) {
    var me = read("learner", {});
    form.hidden = false;
    form.name.value = me.name || "";
    form.place.value = me.place || "";
    say.textContent = "Bạn đã đạt bài kiểm tra cuối cấp " + tier.n + ". Nhập họ tên để tạo giấy chứng nhận.";
    function show() {
      var name = form.name.value.trim(), place = form.place.value.trim();
      if (!name) return;
      write("learner", { name: name, place: place });
      var r = { tier: tier, name: name, place: place, scores: myScores(tier), day: today() };
      r.code = encode(r);
      out.textContent = "";
      out.appendChild(certificate(r));
      var again = el("p", "hv-noprint"), print = el("button", "hv-button", "In giấy chứng nhận");
      print.type = "button";
      print.addEventListener("click", function () { window.print(); });
      again.appendChild(print);
      out.appendChild(again);
      say.textContent = "Đã tạo giấy chứng nhận cho " + name + ".";
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); show(); });
    if (me.name) show();
  }

  /* ---- "Lớp học" */
  function classPage() {
    var form = doc.getElementById("hv-class-form"), say = doc.getElementById("hv-class-status"),
      out = doc.getElementById("hv-class"), actions = doc.getElementById("hv-class-actions"),
      certs = doc.getElementById("hv-certs"), codes = read("lop", []);
    function save() { write("lop", codes); }
    function add(text) {
      var r = decode(text);
      if (r.error) { say.textContent = r.error; return false; }
      if (codes.indexOf(r.code) >= 0) { say.textContent = r.name + " đã có trong danh sách lớp."; return false; }
      codes.push(r.code); save(); render();
      say.textContent = "Đã thêm " + r.name + " (cấp " + r.tier.n + ").";
      return true;
    }
    function entries() { return codes.map(decode).filter(function (r) { return !r.error; }); }
    function render() { /* once the summaries of the class's tiers are loaded */
      var all = entries(), tiers = course.tiers.filter(function (t) { return all.some(function (r) { return r.tier === t; }); });
      if (tiers.every(loaded)) return draw();
      Promise.all(tiers.map(summary)).then(draw);
    }
    function draw() {
      out.textContent = "";
      var all = entries();
      actions.hidden = !all.length;
      course.tiers.forEach(function (tier) {
        var rows = all.filter(function (r) { return r.tier === tier; }), comps = tier.k || [];
        if (!rows.length) return;
        if (!loaded(tier)) out.appendChild(el("p", "", "Chưa mở được danh sách năng lực của cấp " + tier.n + ": bảng chỉ có điểm cuối cấp. Hãy kết nối mạng rồi tải lại trang."));
        var table = el("table", "hv-class__table"), head = el("tr");
        var heads = ["Họ và tên", "Xã, phường", "Ngày", "Cuối cấp"].concat(comps.map(function (k) { return k[0]; }), ["Xóa"]);
        heads.forEach(function (h, i) {
          var last = i === heads.length - 1, th = el("th", "", last ? undefined : h);
          if (last) th.appendChild(el("span", "hv-sr", h)); /* over the remove buttons: heard, not seen */
          th.scope = "col";
          if (i >= 4 && comps[i - 4]) th.title = comps[i - 4][1];
          head.appendChild(th);
        });
        table.appendChild(head);
        rows.forEach(function (r) {
          var tr = el("tr"), fin = finalOf(r.scores), name = el("th", "", r.name);
          name.scope = "row";
          tr.appendChild(name);
          tr.appendChild(el("td", "", r.place));
          tr.appendChild(el("td", "", dateOf(r.day)));
          tr.appendChild(el("td", "", fin ? fin.pct + "%" + (fin.pass ? " ✓" : "") : "–"));
          comps.forEach(function (k) { var st = status(tier, r.scores, k[0]); tr.appendChild(el("td", "hv-st hv-st--" + st, st === "pass" ? "✓ Đạt" : st === "progress" ? "Chưa" : "–")); });
          var cell = el("td"), del = el("button", "hv-button hv-button--secondary", "Xóa");
          del.type = "button";
          del.setAttribute("aria-label", "Xóa " + r.name + " khỏi lớp");
          del.addEventListener("click", function () {
            codes = codes.filter(function (c) { return c !== r.code; }); save(); render();
            say.textContent = "Đã xóa " + r.name + ".";
          });
          cell.appendChild(del);
          tr.appendChild(cell);
          table.appendChild(tr);
        });
        out.appendChild(scroller(table, "Cấp " + tier.n + ": " + rows.length + " học viên"));
      });
    }
    function csv() {
      var ks = [], rows = [];
      course.tiers.forEach(function (t) { (t.k || []).forEach(function (k) { if (ks.indexOf(k[0] + " " + k[1]) < 0) ks.push(k[0] + " " + k[1]); }); });
      rows.push(["Họ và tên", "Xã, phường", "Cấp", "Ngày", "Bài kiểm tra cuối cấp (%)", "Đạt cuối cấp", "Mã hoàn thành"].concat(ks));
      entries().forEach(function (r) {
        var fin = finalOf(r.scores), by = {};
        (r.tier.k || []).forEach(function (k) { by[k[0] + " " + k[1]] = { pass: "Đạt", progress: "Chưa đạt", none: "Chưa làm" }[status(r.tier, r.scores, k[0])]; });
        rows.push([r.name, r.place, r.tier.n, dateOf(r.day), fin ? fin.pct : "", fin && fin.pass ? "Có" : "Không", grouped(r.code)]
          .concat(ks.map(function (k) { return by[k] || ""; })));
      });
      var text = "\ufeff" + rows.map(function (row) {
        return row.map(function (v) {
          /* A learner types the name and place: a spreadsheet would run "=…", "+…", "-…", "@…"
             as a formula, so such a cell becomes text with a leading ' (OWASP, CSV injection). */
          v = String(v);
          var formula = /^[=+\-@\t\r]/.test(v);
          if (formula) v = "'" + v;
          return formula || /[",\r\n;]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
        }).join(",");
      }).join("\r\n") + "\r\n";
      var a = el("a");
      a.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
      var n = new Date();
      a.download = "lop-hoc-" + n.getFullYear() + "-" + ("0" + (n.getMonth() + 1)).slice(-2) + "-" + ("0" + n.getDate()).slice(-2) + ".csv";
      doc.body.appendChild(a); a.click(); a.remove();
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (add(form.code.value)) form.code.value = "";
    });
    doc.getElementById("hv-csv").addEventListener("click", csv);
    doc.getElementById("hv-print").addEventListener("click", function () {
      script(course.qr).then(function () { /* QR codes are drawn only for print: qr.js comes now */
        certs.textContent = "";
        entries().forEach(function (r) { var f = finalOf(r.scores); if (f && f.pass) certs.appendChild(certificate(r)); });
        window.print();
      });
    });
    doc.getElementById("hv-clear").addEventListener("click", function () {
      if (!window.confirm("Xóa toàn bộ danh sách lớp trên máy này?")) return;
      codes = []; save(); render();
      say.textContent = "Đã xóa danh sách lớp.";
    });
    /* Scanning where the browser can read QR codes itself (BarcodeDetector); typing elsewhere. */
    var scan = doc.getElementById("hv-scan"), video = doc.getElementById("hv-video");
    if ("BarcodeDetector" in window && navigator.mediaDevices) {
      scan.hidden = false;
      scan.addEventListener("click", function () {
        var detector = new window.BarcodeDetector({ formats: ["qr_code"] }), stream;
        navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (s) {
          stream = s; video.srcObject = s; video.hidden = false;
          say.textContent = "Hướng camera vào mã QR trên giấy chứng nhận…";
          return video.play();
        }).then(function look() {
          return detector.detect(video).then(function (found) {
            if (found.length) { add(found[0].rawValue); return; }
            return new Promise(function (ok) { setTimeout(ok, 300); }).then(look);
          });
        }).catch(function () {
          say.textContent = "Không mở được camera. Hãy gõ mã hoàn thành vào ô trên.";
        }).then(function () {
          if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
          video.hidden = true;
        });
      });
    }
    render();
  }

  /* After the deferred scripts that follow this one (the quiz engine, qr.js) have run. */
  doc.addEventListener("DOMContentLoaded", ({ progress: progressPage, certificate: certificatePage, "class": classPage })[root.getAttribute("data-hv-page")]);
})();
