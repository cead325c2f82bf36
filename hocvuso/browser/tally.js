/* hocvuso saved results: what the learner answered, kept in localStorage, and the count of
   it. Served at the head of the quiz engine (quiz.js) and of the progress and certificate
   pages' scripts (hocvuso/output/scripts.py), so a score is counted by the same lines wherever it
   shows. Progress lives under "hocvuso:<course>:<quiz>" as {v, a: {key: {f, ok, v}}, pass};
   an answer counts only while its fingerprint f matches the question on the page. */
(function () {
  "use strict";
  var bundle = window.hvQuiz;
  if (!bundle) return;
  var V = 1, quizzes = bundle.q;

  function storeKey(id) { return "hocvuso:" + bundle.c + ":" + id; }
  function load(id) {
    var rec = null;
    try { rec = JSON.parse(localStorage.getItem(storeKey(id))); } catch (e) { /* unreadable: start afresh */ }
    if (rec && rec.v > V) rec.ro = true; /* written by a newer engine: read, never overwrite */
    return rec && rec.a ? rec : { v: V, a: {} };
  }
  function save(id, rec) {
    if (rec.ro) return;
    try { localStorage.setItem(storeKey(id), JSON.stringify(rec)); } catch (e) { /* full or disabled */ }
  }

  function questionsOf(id) {
    var quiz = quizzes[id];
    if (!quiz) return [];
    if (!quiz.from) return quiz.q;
    var all = [];
    quiz.from.forEach(function (pick) { /* [quiz id, question key] */
      (quizzes[pick[0]] ? quizzes[pick[0]].q : []).forEach(function (q) {
        if (q.k !== pick[1]) return;
        var copy = Object.assign({}, q);
        copy.k = pick[0] + "/" + q.k;
        all.push(copy);
      });
    });
    return all;
  }
  function versionOf(qs) { return qs.map(function (q) { return q.f; }).join(""); }

  function tally(id) {
    var qs = questionsOf(id), rec = load(id), right = 0, done = 0;
    qs.forEach(function (q) {
      var saved = rec.a[q.k];
      if (saved && saved.f === q.f) { done++; if (saved.ok) right++; }
    });
    var need = Math.ceil(quizzes[id].p * qs.length / 100);
    var passed = rec.pass === versionOf(qs) || (done === qs.length && right >= need);
    return { total: qs.length, right: right, done: done, need: need, passed: passed, rec: rec, qs: qs };
  }

  window.hvStore = { load: load, save: save, questionsOf: questionsOf, versionOf: versionOf, tally: tally };
  /* The progress and certificate pages (hocvuso/browser/record/) read results through this. */
  window.hvTally = function (id) {
    if (!quizzes[id]) return null;
    var t = tally(id);
    return { total: t.total, right: t.right, done: t.done, passed: t.passed };
  };
})();
