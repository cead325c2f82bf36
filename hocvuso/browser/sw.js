/* hocvuso service worker: pages and assets a learner has seen stay readable offline,
   and a tier can be downloaded whole. One cache per course and build ("hv-" + scope +
   " " + VERSION): a new deployment starts a fresh cache, fills it again with the tiers
   the learner had downloaded, then deletes the old one, so pages of two builds are never
   mixed; another course on the same host (user.github.io/a/, /b/) keeps its own.
   A page it does not have, offline, gets NOT_SAVED ("Trang này chưa được tải về máy"),
   never another page under that address.
   It never touches localStorage, where quiz progress lives. */
var VERSION = "__VERSION__";
var NOT_SAVED = __NOT_SAVED__; /* hocvuso/render/templates/not-saved.html */
var SIZES = __SIZES__; /* offline list (site path) -> bytes its download costs, shown on the tier page */
var SCOPE = self.registration.scope;
var PREFIX = "hv-" + SCOPE + " ";
var CACHE = PREFIX + VERSION;
var LEGACY = /^hv-[0-9a-f]{12}$/; /* before caches were named per course */
var SAVED = "__hv_saved_tiers__"; /* which offline lists the learner downloaded */
var HASHED = /\.[0-9a-f]{8,10}(\.min)?\.(css|js)$/;
var PARALLEL = 6; /* files fetched at a time, as many as a browser opens connections to one host: on slow 3G
   each file waits 2 s for its round trip (the 40-lesson bench tier: 215 s one at a time, 39 s six at a time) */

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (n) { return (n.indexOf(PREFIX) === 0 || LEGACY.test(n)) && n !== CACHE; });
    return Promise.all(old.map(function (name) {
      return caches.open(name).then(function (c) { return c.match(SAVED); })
        .then(function (r) { return r ? r.json() : []; });
    })).then(function (lists) {
      var tiers = [].concat.apply([], lists);
      return Promise.all(tiers.map(function (list) { return download(list).catch(function () {}); }));
    }).then(function () {
      return Promise.all(old.map(function (name) { return caches.delete(name); }));
    });
  }).then(function () { return self.clients.claim(); }));
});

function remember(cache, list) {
  return cache.match(SAVED).then(function (r) { return r ? r.json() : []; }).then(function (saved) {
    if (saved.indexOf(list) < 0) saved.push(list);
    return cache.put(SAVED, new Response(JSON.stringify(saved)));
  });
}

function download(list, report) {
  return caches.open(CACHE).then(function (cache) {
    return fetch(list, { cache: "no-cache" }).then(function (r) { return r.json(); }).then(function (data) {
      var done = 0, next = 0, failed = false, base = new URL(list, SCOPE);  /* list: absolute or scope-relative */
      var urls = data.urls.map(function (u) { return new URL(u, SCOPE).href; });
      function fetcher() { /* one of PARALLEL: takes the next file until none is left */
        if (failed || next >= urls.length) return Promise.resolve();
        var url = urls[next++];
        return cache.match(url).then(function (hit) { return hit || cache.add(url); }).then(function () {
          done++;
          if (report) report({ type: "progress", done: done, total: urls.length });
          return fetcher();
        }, function (error) { failed = true; throw error; });
      }
      var fetchers = [];
      for (var i = 0; i < PARALLEL; i++) fetchers.push(fetcher());
      return Promise.all(fetchers).then(function () { return remember(cache, base.href); });
    });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {}, source = event.source;
  if (data.type === "size") {
    var path = data.list.indexOf(SCOPE) === 0 ? data.list.slice(SCOPE.length) : data.list;
    if (SIZES[path]) source.postMessage({ type: "size", list: data.list, bytes: SIZES[path] });
    return;
  }
  if (data.type !== "download") return;
  var report = function (msg) { msg.list = data.list; source.postMessage(msg); };
  event.waitUntil(download(data.list, report).then(function () {
    report({ type: "done" });
  }, function () { report({ type: "failed" }); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (HASHED.test(url.pathname)) { /* never changes: cache first */
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) { return keep(request, response); });
    }));
    return;
  }
  /* pages and everything else: the network when it answers, else what was kept */
  event.respondWith(fetch(request).then(function (response) { return keep(request, response); }, function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreSearch: true }).then(function (hit) {
        if (hit || request.mode !== "navigate") return hit || Response.error();
        return notSaved(request);
      });
    });
  }));
});

function notSaved(request) {
  var home = new URL("index.html", SCOPE).href, from = request.referrer || "";
  var back = from.indexOf(SCOPE) === 0 && from !== request.url ? from : home;
  var html = NOT_SAVED.replace("__HV_BACK__", function () { return attr(back); })
    .replace("__HV_HOME__", function () { return attr(home); });
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function attr(url) {
  return url.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function keep(request, response) {
  /* 200 only: a recording fetched in parts (206) cannot be kept; the tier download keeps it whole */
  if (response && response.status === 200 && response.type === "basic") {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}
