/* hocvuso service worker: pages and assets a learner has seen stay readable offline,
   and a tier can be downloaded whole. One cache per build ("hv-" + VERSION): a new
   deployment starts a fresh cache, fills it again with the tiers the learner had
   downloaded, then deletes the old one, so pages of two builds are never mixed.
   It never touches localStorage, where quiz progress lives. */
var VERSION = "__VERSION__";
var CACHE = "hv-" + VERSION;
var SAVED = "__hv_saved_tiers__"; /* which offline lists the learner downloaded */
var HASHED = /\.[0-9a-f]{8,10}(\.min)?\.(css|js)$/;

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (n) { return n.indexOf("hv-") === 0 && n !== CACHE; });
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
      var done = 0, base = new URL(list, self.registration.scope);  /* list: absolute or scope-relative */
      var urls = data.urls.map(function (u) { return new URL(u, self.registration.scope).href; });
      return urls.reduce(function (chain, url) {
        return chain.then(function () {
          return cache.match(url).then(function (hit) { return hit || cache.add(url); }).then(function () {
            done++;
            if (report) report({ type: "progress", done: done, total: urls.length });
          });
        });
      }, Promise.resolve()).then(function () { return remember(cache, base.href); });
    });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {}, source = event.source;
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
        return cache.match(new URL("index.html", self.registration.scope).href).then(function (home) {
          return home || Response.error();
        });
      });
    });
  }));
});

function keep(request, response) {
  /* 200 only: a recording fetched in parts (206) cannot be kept; the tier download keeps it whole */
  if (response && response.status === 200 && response.type === "basic") {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}
