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
  pages.certificate = certificatePage;
