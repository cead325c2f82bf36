/* hocvuso quiz engine: checks answers on the page; what is saved and how it counts is
   tally.js, served before this file in one script. No dependencies; works from file://
   (data comes from a <script>, never fetch). */
(function () {
  "use strict";
  var bundle = window.hvQuiz, store = window.hvStore;
  if (!bundle || !store) return;
  var doc = document, quizzes = bundle.q, load = store.load, save = store.save, tally = store.tally,
    questionsOf = store.questionsOf, versionOf = store.versionOf;
  doc.documentElement.className += " hv-js";

  function showStatuses() {
    each(doc.querySelectorAll("[data-hv-status]"), function (el) {
      var id = el.getAttribute("data-hv-status");
      if (!quizzes[id]) return;
      var t = tally(id);
      el.textContent = t.passed ? "✓ Đã đạt" : t.done ? "Đã làm " + t.done + "/" + t.total + " câu" : "";
      el.className = el.className.replace(/ ?hv-passed/, "") + (t.passed ? " hv-passed" : "");
    });
    /* What opens once a quiz is passed (the final test's way to the certificate). */
    each(doc.querySelectorAll("[data-hv-when-passed]"), function (el) {
      var id = el.getAttribute("data-hv-when-passed");
      if (quizzes[id]) el.hidden = !tally(id).passed;
    });
  }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
      .replace(/đ/g, "d").replace(/\s+/g, " ").trim().replace(/^[.,;:!?"'“”‘’()]+|[.,;:!?"'“”‘’()]+$/g, "").trim();
  }
  function number(text) {
    var n = parseFloat(text.replace(/\s/g, "").replace(",", "."));
    return isFinite(n) ? n : null;
  }

  function valueOf(li, q) {
    var t = q.t;
    if (t === "single" || t === "true_false") {
      var on = li.querySelector("input:checked");
      return on ? on.value : null;
    }
    if (t === "multiple") {
      var picked = [];
      each(li.querySelectorAll("input:checked"), function (i) { picked.push(+i.value); });
      return picked.length ? picked.sort() : null;
    }
    if (t === "short_text" || t === "numeric") {
      var text = li.querySelector("input").value.trim();
      return text ? text : null;
    }
    var chosen = [], missing = false;
    each(li.querySelectorAll("select"), function (s) {
      if (!s.value) missing = true;
      chosen.push(t === "ordering" ? [+s.getAttribute("data-i"), +s.value] : +s.value);
    });
    return missing ? null : chosen;
  }

  function restore(li, q, v) {
    if (q.t === "short_text" || q.t === "numeric") { li.querySelector("input").value = v; return; }
    if (q.t === "ordering" || q.t === "matching") {
      each(li.querySelectorAll("select"), function (s, i) {
        var d = +s.getAttribute("data-i");
        v.forEach(function (pair, j) {
          if (q.t === "ordering" && pair[0] === d) s.value = String(pair[1]);
          if (q.t === "matching" && j === i) s.value = String(pair);
        });
      });
      return;
    }
    each(li.querySelectorAll("input"), function (i) {
      i.checked = q.t === "multiple" ? v.indexOf(+i.value) >= 0 : i.value === v;
    });
  }

  function judge(q, v) {
    var c = q.c;
    switch (q.t) {
      case "single": return +v === c[0];
      case "true_false": return (v === "true") === c;
      case "multiple": return v.join() === c.join();
      case "short_text": return c.indexOf(normalise(v)) >= 0;
      case "numeric": var n = number(v); return n !== null && n >= c[0] - 1e-9 && n <= c[1] + 1e-9;
      case "ordering": return v.every(function (pair) { return c[pair[0]] === pair[1]; });
      case "matching": return v.every(function (choice, i) { return c[i] === choice; });
    }
    return false;
  }

  /* Feedback and explanations wait in <template>s of the question, built and sanitised
     at build time: data-hv-fb is the option chosen ("0", "true", "wrong"), data-hv-x
     the explanation. */
  function template(li, attr) {
    var t = li.querySelector("template[" + attr + "]");
    return t ? t.innerHTML : "";
  }
  function feedbackFor(li, q, v, ok) {
    if (q.t === "multiple") return v.map(function (i) { return template(li, 'data-hv-fb="' + i + '"'); });
    if (q.t === "single" || q.t === "true_false") return [template(li, 'data-hv-fb="' + v + '"')];
    return ok ? [] : [template(li, 'data-hv-fb="wrong"')];
  }

  function show(li, q, v, ok) {
    var box = li.querySelector(".hv-q__feedback"), x = template(li, "data-hv-x");
    var parts = ['<p class="hv-verdict"><strong>' + (ok ? "Đúng." : "Chưa đúng.") + "</strong></p>"];
    feedbackFor(li, q, v, ok).forEach(function (html) { if (html) parts.push("<p>" + html + "</p>"); });
    if (x) parts.push('<div class="hv-explanation">' + x + "</div>");
    box.innerHTML = parts.join(""); /* built and sanitised at build time */
    li.className = li.className.replace(/ hv-q--(right|wrong)/g, "") + (ok ? " hv-q--right" : " hv-q--wrong");
  }

  function showScore(section, id) {
    var t = tally(id), box = section.querySelector(".hv-quiz__score");
    if (!t.done) { box.textContent = ""; return; }
    var text = "Điểm: " + t.right + "/" + t.total + ".";
    if (t.done === t.total) {
      text += t.passed ? " Bạn đã đạt yêu cầu." : " Chưa đạt: cần đúng ít nhất " + t.need +
        " câu. Bấm “Làm lại” để thử lần nữa.";
    } else {
      text += " Còn " + (t.total - t.done) + " câu chưa làm.";
    }
    box.textContent = text;
    onward(section, t.done === t.total && t.passed);
  }
  /* Passed: the way on, right under the score, rather than only in the pager at the foot
     of a long page. A copy of the pager's "Bài sau" card: the page already names the next
     lesson, so lesson pages carry no extra HTML for it. */
  function onward(section, passed) {
    var link = section.querySelector(".hv-quiz__next"), next = doc.querySelector(".hv-pager [rel=next]");
    if (link) link.remove();
    if (!passed || !next) return;
    link = next.cloneNode(true);
    link.className = "hv-pager__link hv-quiz__next";
    link.removeAttribute("rel");
    link.querySelector(".hv-pager__dir").firstChild.nodeValue = "Bài tiếp theo"; /* was "Bài sau", then " ›" */
    section.querySelector(".hv-quiz__score").after(link);
  }

  function shuffle(list) {
    var items = Array.prototype.slice.call(list.children);
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), tmp = items[i];
      items[i] = items[j]; items[j] = tmp;
    }
    items.forEach(function (item) { list.appendChild(item); });
  }

  function reset(section, id, qs) {
    var rec = load(id);
    rec.a = {};
    save(id, rec);
    each(section.querySelectorAll(".hv-q"), function (li, i) {
      var q = qs[i];
      each(li.querySelectorAll("input"), function (input) { input.checked = false; input.value = input.type === "text" ? "" : input.value; });
      each(li.querySelectorAll("select"), function (s) { s.value = ""; });
      li.querySelector(".hv-q__feedback").innerHTML = "";
      li.className = li.className.replace(/ hv-q--(right|wrong)/g, "");
      if (!q || !q.s) return;
      if (q.t === "single" || q.t === "multiple") shuffle(li.querySelector(".hv-q__options"));
      if (q.t === "ordering") shuffle(li.querySelector(".hv-q__rows"));
      if (q.t === "matching") each(li.querySelectorAll("select"), function (s) {
        var first = s.firstElementChild; shuffle(s); s.insertBefore(first, s.firstChild); s.value = "";
      });
    });
    showScore(section, id);
    showStatuses();
    var first = section.querySelector("input, select");
    if (first) first.focus();
  }

  /* A drop-down arrives with its first line only: its options are the same in every row
     of the question (the numbers 1…n of an ordering, the lettered choices of a matching),
     so the page carries them once and they are copied here. */
  function fill(li, q) {
    var selects = li.querySelectorAll("select"), texts = [];
    if (q.t === "ordering") for (var n = 1; n <= selects.length; n++) texts.push(String(n));
    if (q.t === "matching") each(li.querySelectorAll(".hv-q__choices li"), function (c) { texts.push(c.textContent); });
    each(selects, function (s) {
      if (s.options.length > 1) return;
      texts.forEach(function (text, i) { s.add(new Option(text, q.t === "ordering" ? text : String(i))); });
    });
  }

  function start(section) {
    var id = section.getAttribute("data-hv-quiz"), qs = questionsOf(id);
    if (!qs.length) return;
    var rec = load(id);
    each(section.querySelectorAll(".hv-q"), function (li, i) {
      var q = qs[i], saved = q && rec.a[q.k];
      if (!q) return;
      fill(li, q);
      if (saved && saved.f === q.f) {
        try { restore(li, q, saved.v); show(li, q, saved.v, saved.ok); } catch (e) { /* old shape: ignore */ }
      }
      li.querySelector("[data-hv-check]").addEventListener("click", function () {
        var v = valueOf(li, q), box = li.querySelector(".hv-q__feedback");
        if (v === null) { box.innerHTML = "<p>Bạn chưa trả lời câu này.</p>"; return; }
        var ok = judge(q, v), now = load(id);
        now.a[q.k] = { f: q.f, ok: ok, v: v };
        save(id, now);
        var t = tally(id);
        if (t.passed && !now.pass) { now.pass = versionOf(qs); save(id, now); }
        show(li, q, v, ok);
        showScore(section, id);
        showStatuses();
      });
    });
    section.querySelector("[data-hv-retry]").addEventListener("click", function () { reset(section, id, qs); });
    showScore(section, id);
  }

  each(doc.querySelectorAll("[data-hv-quiz]"), start);
  showStatuses();
})();
