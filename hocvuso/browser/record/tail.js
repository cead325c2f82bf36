
  /* After the deferred scripts that follow this one (the quiz engine, qr.js) have run. */
  doc.addEventListener("DOMContentLoaded", pages[root.getAttribute("data-hv-page")]);
})();
