/* Registers the service worker (hosted site only) and runs the tier page's
   "Tải về để học không cần mạng" button. */
(function () {
  "use strict";
  var doc = document, sw = navigator.serviceWorker;
  if (!sw || location.protocol.indexOf("http") !== 0) return;
  var root = new URL(doc.currentScript.getAttribute("data-hv-root").replace(/\/?$/, "/"), location.href);
  sw.register(new URL("sw.js", root).href);
  var box = doc.querySelector("[data-hv-offline]");
  if (!box) return;
  var button = box.querySelector("button"), status = box.querySelector("[role=status]");
  var size = box.querySelector(".hv-offline__size");
  var list = new URL(box.getAttribute("data-hv-offline"), location.href).href;
  box.hidden = false;
  sw.addEventListener("message", function (event) {
    var m = event.data || {};
    if (m.list !== list) return;
    if (m.type === "size") size.textContent = "(khoảng " + (m.bytes >= 1048576
      ? (m.bytes / 1048576).toFixed(1).replace(".", ",") + " MB" : Math.round(m.bytes / 1024) + " KB") + ")";
    if (m.type === "progress") status.textContent = "Đang tải " + m.done + "/" + m.total + " tệp…";
    if (m.type === "done") { status.textContent = "Đã tải xong: bạn có thể học cấp này khi không có mạng."; button.disabled = false; }
    if (m.type === "failed") { status.textContent = "Chưa tải được. Hãy kiểm tra mạng rồi bấm lại."; button.disabled = false; }
  });
  sw.ready.then(function (reg) { reg.active.postMessage({ type: "size", list: list }); });  /* the worker knows it */
  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = "Đang chuẩn bị…";
    sw.ready.then(function (reg) { reg.active.postMessage({ type: "download", list: list }); });
  });
})();
