/* Navigation by keyboard and screen reader, on every page (served in one file with
   reading.js, so no page grows by a byte). Material draws the phone's menu button as a
   <label> for a hidden checkbox: a finger can press it, but Tab never reaches it and a
   screen reader has no name for it, and Material's own script is not loaded
   (theme/main.html). Here a named button takes the label's place and opens and closes
   the drawer by keyboard too; and the skip link, which Material points at the author's
   first subheading (and leaves out when there is none), goes to the page's title. */
(function () {
  "use strict";
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function add(parent, tag, name) {
    var el = document.createElement(tag);
    el.className = name;
    return parent.appendChild(el);
  }
  var doc = document, html = doc.documentElement, toggle = doc.getElementById("__drawer"),
    label = doc.querySelector(".md-header label[for=__drawer]"), drawer = doc.querySelector(".md-sidebar--primary"),
    title = doc.querySelector(".md-content h1");

  if (title) {
    var skip = doc.querySelector(".md-skip");
    if (!skip) {
      skip = doc.createElement("a");
      skip.className = "md-skip";
      (doc.querySelector("[data-md-component=skip]") || doc.body).prepend(skip);
    }
    title.id = title.id || "hv-main";
    skip.href = "#" + title.id;
    skip.textContent = "Đến nội dung chính";
  }

  /* The table of contents that Material shows on wide screens (960 px and more) lists the
     page's own headings: it is built from them here rather than carried in every page. */
  var toc = doc.querySelector("[data-hv-toc]"),
    heads = doc.querySelectorAll(".md-content article h2[id], .md-content article h3[id]");
  if (toc && heads.length) {
    var title = add(toc, "label", "md-nav__title"), list = add(toc, "ul", "md-nav__list"), sub = null;
    title.htmlFor = "__toc";
    add(title, "span", "md-nav__icon md-icon");
    title.appendChild(doc.createTextNode(toc.getAttribute("aria-label")));
    each(heads, function (h) {
      var copy = h.cloneNode(true), under = list.lastChild, parent = list;
      each(copy.querySelectorAll(".headerlink"), function (a) { a.remove(); });
      if (h.tagName === "H3" && under) {
        if (!sub || sub.parentNode.parentNode !== under) {
          var nest = add(under, "nav", "md-nav");
          nest.setAttribute("aria-label", under.textContent);
          sub = add(nest, "ul", "md-nav__list");
        }
        parent = sub;
      }
      var link = add(add(parent, "li", "md-nav__item"), "a", "md-nav__link");
      link.href = "#" + h.id;
      add(link, "span", "md-ellipsis").textContent = copy.textContent.trim();
    });
  }

  if (!toggle || !label || !drawer) return;
  var button = doc.createElement("button");
  button.type = "button";
  button.className = label.className + " hv-menu-button";
  while (label.firstChild) button.appendChild(label.firstChild);
  button.setAttribute("aria-label", "Danh mục bài học");
  button.setAttribute("aria-controls", drawer.id = drawer.id || "hv-drawer");
  label.replaceWith(button);
  function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }
  toggle.addEventListener("change", sync);
  button.addEventListener("click", function (event) {
    toggle.click();
    var first = toggle.checked && !event.detail && drawer.querySelector(".md-nav__list a"); /* by keyboard */
    if (first) first.focus();
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) { toggle.click(); button.focus(); }
  });
  /* Tabbing out of the open drawer closes it: what lies under its shade is where focus went. */
  drawer.addEventListener("focusout", function (event) {
    if (toggle.checked && event.relatedTarget && !drawer.contains(event.relatedTarget)
        && event.relatedTarget !== button) toggle.click();
  });
  sync();
  html.className += " hv-menu"; /* hocvuso.css: the closed drawer leaves the Tab order */
})();
