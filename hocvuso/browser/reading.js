/* Reading comfort for elderly learners: three text sizes and a high-contrast option,
   remembered on this device (localStorage "hocvuso:prefs", shared by every course).
   theme/main.html applies the saved choice in <head>, before the page is drawn; this
   script adds the header's "Cỡ chữ" button (it does nothing without the script, so pages
   do not carry it) and builds the panel behind it. */
(function () {
  "use strict";
  var doc = document, html = doc.documentElement, header = doc.querySelector(".md-header"),
    bar = doc.querySelector(".md-header__inner");
  if (!header || !bar) return;
  var open = doc.createElement("button");
  open.type = "button";
  open.className = "md-header__button hv-prefs-button";
  open.setAttribute("aria-expanded", "false");
  open.setAttribute("aria-controls", "hv-prefs");
  open.textContent = "Cỡ chữ";
  var KEY = "hocvuso:prefs", SIZES = [["", "Vừa"], ["hv-size-1", "Lớn"], ["hv-size-2", "Rất lớn"]], options = [];

  function read() {
    try { return (localStorage.getItem(KEY) || "").split(" ").filter(Boolean); } catch (e) { return []; }
  }
  function apply(list) {
    html.className = (html.className.replace(/(^|\s)hv-(size-\d|contrast)(?=\s|$)/g, " ") + " " + list.join(" ")).trim();
    try { localStorage.setItem(KEY, list.join(" ")); } catch (e) { /* private mode: for this page only */ }
    options.forEach(function (o) { o.b.setAttribute("aria-pressed", String(o.on(list))); });
  }
  function option(text, on, pick) {
    var b = doc.createElement("button");
    b.type = "button";
    b.className = "hv-prefs__option";
    b.textContent = text;
    b.addEventListener("click", function () { apply(pick(read())); });
    options.push({ b: b, on: on });
    return b;
  }
  var panel = doc.createElement("div");
  panel.id = "hv-prefs";
  panel.className = "hv-prefs";
  panel.hidden = true;
  panel.setAttribute("role", "group");
  panel.setAttribute("aria-label", "Cỡ chữ và độ tương phản");
  SIZES.forEach(function (size) {
    var isSize = function (c) { return c.indexOf("hv-size") === 0; };
    panel.appendChild(option(size[1], function (list) {
      return (list.filter(isSize)[0] || "") === size[0];
    }, function (list) {
      return list.filter(function (c) { return !isSize(c); }).concat(size[0] ? [size[0]] : []);
    }));
  });
  panel.appendChild(option("Tương phản cao", function (list) { return list.indexOf("hv-contrast") >= 0; },
    function (list) {
      return list.indexOf("hv-contrast") >= 0 ? list.filter(function (c) { return c !== "hv-contrast"; })
        : list.concat(["hv-contrast"]);
    }));
  header.appendChild(panel);
  bar.insertBefore(open, bar.querySelector(".hv-search-link"));
  open.addEventListener("click", function () {
    panel.hidden = !panel.hidden;
    open.setAttribute("aria-expanded", String(!panel.hidden));
  });
  apply(read());
})();

/* Marked terms (hocvuso/model/glossary.py): a tap shows the meaning under the word, from the
   lesson's own "Từ ngữ trong bài" list; a second tap or Escape hides it. Without this
   script the link still leads to that list. */
(function () {
  "use strict";
  var doc = document, count = 0;
  function close(link) {
    var tip = doc.getElementById(link.getAttribute("aria-controls"));
    if (tip) tip.parentNode.removeChild(tip);
    link.removeAttribute("aria-controls");
    link.setAttribute("aria-expanded", "false");
  }
  doc.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.hv-term");
    if (!link) return;
    var href = link.getAttribute("href"), meaning = href.charAt(0) === "#" && doc.getElementById(href.slice(1));
    if (!meaning || !meaning.nextElementSibling) return;  /* intros link to the glossary page */
    event.preventDefault();
    if (link.getAttribute("aria-expanded") === "true") return close(link);
    var tip = doc.createElement("span");
    tip.className = "hv-term__tip";
    tip.id = "hv-tip-" + (++count);
    tip.setAttribute("role", "note");
    var name = doc.createElement("b");
    name.textContent = meaning.textContent + ": ";
    tip.appendChild(name);
    tip.appendChild(doc.createTextNode(meaning.nextElementSibling.textContent));
    link.parentNode.insertBefore(tip, link.nextSibling);
    link.setAttribute("aria-controls", tip.id);
    link.setAttribute("aria-expanded", "true");
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = doc.querySelectorAll("a.hv-term[aria-expanded=true]");
    for (var i = 0; i < open.length; i++) close(open[i]);
  });
})();
