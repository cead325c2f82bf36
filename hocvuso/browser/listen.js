/* Read-aloud ("Nghe bài") on lesson and final-test pages (marked data-hv-read; only they
   load this script, so other pages carry none of it), with the
   phone's own Vietnamese voice. One utterance per sentence: Chrome on Android cuts long
   ones off. Pausing cancels and remembers the sentence, because Android's pause() is
   unreliable; a generation number keeps a cancelled utterance's late onend/onerror from
   moving the reading on. The sentence being read is marked with a Range and the CSS
   Custom Highlight API, so the lesson's text is never rewrapped. */
(function () {
  "use strict";
  var doc = document, h1 = doc.querySelector("[data-hv-read]~h1");
  if (!h1) return;
  var synth = window.speechSynthesis, Say = window.SpeechSynthesisUtterance, HL = window.Highlight && CSS.highlights,
    /* Not the lesson's text: where it sits, its facts and sources, the pager (nav), print-only
       parts, the glossary, controls, and messages such as quiz feedback (role=status). */
    SKIP = ".hv-where,.hv-facts,.hv-competences,.hv-sources,.hv-print,.hv-print-only:not(.hv-q__choices)," +
      ".hv-terms,.hv-term__tip,.hv-audio,.headerlink,nav,button,select,[role=status],[aria-hidden=true]",
    C = ".hv-q__choices",  /* hidden on screen, but a matching question's options are heard only there */
    ua = navigator.userAgent, inApp = /; wv\)|FBA[NV]|Zalo|Instagram|Line\//.test(ua),  /* an app's own browser */
    KEY = "hocvuso:slow", list = [], at = 0, gen = 0, slow, voice, lit, u,
    state = 0;  /* 0 idle, 1 reading, 2 paused */
  try { slow = localStorage.getItem(KEY); } catch (e) { /* private mode */ }

  /* Voices may arrive after the page: wait for them, but not for ever. */
  var ready = synth && Say && new Promise(function (done) {
    synth.getVoices().length ? done() : synth.addEventListener("voiceschanged", done);
    setTimeout(done, 1500);
  });
  function vietnamese() {  /* "vi-VN", "vi_VN" or "vi"; one on the phone before one that needs the internet */
    voice = synth.getVoices().filter(function (v) { return /^vi([-_]|$)/i.test(v.lang); })
      .sort(function (a, b) { return b.localService - a.localService; })[0];
    slower.hidden = !voice;  /* nothing to slow down */
    return voice;
  }
  /* Why nothing can be read, and what to do, told apart: a browser without speech (an
     app's own, such as Zalo's), a phone whose speech engine is missing or turned off (no
     voice at all, even in Chrome), or one with no Vietnamese voice. */
  function cannot() {
    var none = !ready || !synth.getVoices().length;
    if (none && (inApp || !ready)) return inApp ? "Trang đang mở trong một ứng dụng, nơi không đọc bài được. " +
      "Hãy mở trang bằng Chrome: bấm ⋮ rồi chọn “Mở bằng trình duyệt”." :
      "Trình duyệt này không đọc bài được. Hãy mở trang bằng Chrome.";
    return (none ? "Máy này chưa có bộ đọc văn bản, hoặc bộ đọc đang tắt." : "Máy này chưa có giọng đọc tiếng Việt.") +
      " Cách thêm: " + (/Android/.test(ua) ? "mở Cài đặt › Ngôn ngữ (hoặc Hỗ trợ tiếp cận) › Chuyển văn bản " +
      "thành giọng nói, chọn “Dịch vụ lời nói của Google” (tải ở CH Play nếu chưa có), tải giọng Tiếng Việt"
      : "thêm giọng Tiếng Việt trong phần cài đặt giọng nói của máy") + ", rồi mở lại trang này.";
  }

  /* What to read under root, in reading order: runs of text nodes that share their nearest
     box that is not inline (so a <li> and the <p> inside it are not read twice, whatever
     markup an author uses), cut into sentences as offsets into the run's text. Short bits
     such as "Câu 1." join the next sentence. */
  function sentences(root) {
    /* Elements and text (5); an element is skipped with all it holds (2) or looked into (3). */
    var runs = [], out = [], run, n, block, walker = doc.createTreeWalker(root, 5, { acceptNode: function (n) {
      return n.nodeType == 3 || n.nodeName == "BR" ? 1
        : n.matches(SKIP) || !n.getClientRects().length && !n.closest(C) ? 2 : 3;
    } });
    while ((n = walker.nextNode())) {
      if (n.nodeType != 3) { run = 0; continue; }  /* <br> */
      for (block = n.parentNode; getComputedStyle(block).display == "inline"; block = block.parentNode);
      if (!run || run.el != block) {
        if (!n.data.trim()) continue;
        runs.push(run = { el: block, n: [], t: "" });
      }
      run.n.push(n);
      run.t += n.data;
    }
    runs.forEach(function (run) {
      var last;
      run.t.replace(/\S[^]*?(?:[.!?…]+["'”’»)]*(?=\s|$)|(?=\s*$))/g, function (s, a) {
        if (last && last.b - last.a < 12) last.b = a + s.length;
        else out.push(last = { run: run, a: a, b: a + s.length });
      });
    });
    return out;
  }
  function point(run, p, end) {  /* text node and offset of character p of a run */
    for (var i = 0, n; (n = run.n[i]); i++) {
      if (p < n.length + end) return [n, p];
      p -= n.length;
    }
  }
  function mark(s) {
    var range = doc.createRange(), rect, top;
    if (lit != s.run.el) {
      unmark();
      (lit = s.run.el).classList.add("hv-reading");
    }
    range.setStart.apply(range, point(s.run, s.a, 0));
    range.setEnd.apply(range, point(s.run, s.b, 1));
    if (HL) HL.set("hv-read", new Highlight(range));
    /* into view, below the read-aloud buttons that stay at the top while reading */
    rect = range.getBoundingClientRect();
    top = box.getBoundingClientRect().bottom;
    if (rect.height && (rect.top < top || rect.bottom > innerHeight)) scrollBy(0, rect.top - top - innerHeight / 8);
  }
  function unmark() {
    if (lit) lit.classList.remove("hv-reading");
    lit = 0;
    if (HL) HL.delete("hv-read");
  }

  function speak() {
    var s = list[at], g = gen;
    if (!s) return stop();
    /* kept in u: Chrome can lose the events of an utterance nothing refers to */
    u = new Say(s.run.t.slice(s.a, s.b).replace(/\s+/g, " "));
    u.lang = "vi-VN";
    u.voice = voice;
    u.rate = slow ? 0.7 : 1;
    u.onend = function () { if (g == gen) { at++; speak(); } };
    u.onerror = function () {  /* a phone call, a voice that failed: never silently */
      if (g == gen) { hush(2); tell("Máy đã ngừng đọc. Bấm Nghe tiếp để đọc lại câu này."); }
    };
    synth.speak(u);
    mark(s);  /* after speaking: a highlight that fails must not silence the reading */
  }
  function hush(next) {
    gen++;
    synth.cancel();
    state = next;
    show();
  }
  function go() {  /* from sentence `at`, a moment after cancel(), which some phones apply late */
    hush(1);
    var g = gen;
    setTimeout(function () { if (g == gen) speak(); }, 50);
  }
  function stop() {
    at = 0;
    hush(0);
    unmark();
  }
  function start(root) {
    tell(ready ? "" : cannot());
    if (ready) ready.then(function () {
      if (!vietnamese()) return tell(cannot());
      unmark();
      list = sentences(root);
      at = 0;
      go();
    });
  }

  function button(text, cls, click) {
    var b = doc.createElement("button");
    b.type = "button";
    b.className = "hv-button " + cls;
    b.textContent = text;
    b.onclick = click;
    return b;
  }
  var box = doc.createElement("div"), status = doc.createElement("div"),
    main = button("", "", function () {
      if (state == 1) hush(2);
      else if (state) go();
      else start(h1.parentNode);
    }),
    slower = button("Đọc chậm", "hv-button--secondary", function () {
      slow = !slow;
      try { localStorage.setItem(KEY, slow ? 1 : ""); } catch (e) { /* this page only */ }
      show();
      if (state == 1) go();  /* from the sentence being read */
    }),
    end = button("Dừng", "hv-button--secondary", stop);
  function show() {  /* while reading, the buttons stay in reach as the page scrolls */
    box.className = state ? "hv-listen hv-listen--on" : "hv-listen";
    main.textContent = ["Nghe bài", "Tạm dừng", "Nghe tiếp"][state];
    slower.setAttribute("aria-pressed", !!slow);
    end.hidden = !state;
  }
  function tell(text) {
    status.textContent = text;
  }
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "Nghe đọc bài");
  status.setAttribute("role", "status");
  box.append(main, slower, end, status);
  h1.after(box);
  show();
  slower.hidden = !ready;
  if (ready) {
    addEventListener("pagehide", stop);
    ready.then(function () {  /* a button per quiz question, only where it can be read */
      if (vietnamese()) h1.parentNode.querySelectorAll(".hv-q__prompt").forEach(function (prompt) {
        prompt.after(button("Nghe câu hỏi", "hv-button--secondary hv-listen__q", function () {
          start(prompt.parentNode);
        }));
      });
    });
  }
})();
