  function progressPage() {
    var wanted = new URLSearchParams(location.search).get("cap"), seen = read("tien-do", []);
    if (!Array.isArray(seen)) seen = [];
    course.tiers.forEach(function (tier) {
      var fin = score(tier.f), sec = el("section", "hv-progress"), more = el("div");
      sec.appendChild(el("h2", "", "Cấp " + tier.n));
      var p = el("p");
      p.appendChild(link(tier.fu, "Bài kiểm tra cuối cấp"));
      p.appendChild(doc.createTextNode(": " + (fin ? (fin.pass ? "✓ Đã đạt" : "Chưa đạt") + " (" + fin.right + "/" + fin.total + " câu đúng)" : "chưa làm") + ". "));
      if (fin && fin.pass) p.appendChild(link("chung-nhan.html?cap=" + encodeURIComponent(tier.s), "Nhận giấy chứng nhận"));
      sec.appendChild(p);
      sec.appendChild(more);
      root.appendChild(sec);
      function offer(text) {
        var again = el("p"), button = el("button", "hv-button hv-button--secondary", "Xem từng năng lực của cấp " + tier.n);
        button.type = "button";
        button.addEventListener("click", function () { open(true); });
        if (text) more.appendChild(el("p", "", text));
        again.appendChild(button);
        more.appendChild(again);
      }
      function open(tapped) {
        more.textContent = "";
        more.appendChild(el("p", "", "Đang mở kết quả từng năng lực…"));
        summary(tier).then(function (ok) {
          more.textContent = "";
          if (!ok) return offer("Chưa mở được kết quả từng năng lực của cấp " + tier.n + ". Hãy kết nối mạng rồi thử lại.");
          if (seen.indexOf(tier.s) < 0) { seen.push(tier.s); write("tien-do", seen); }
          more.appendChild(competences(tier, myScores(tier)));
          if (tapped) more.querySelector("table").focus();
        });
      }
      if (tier.s === wanted || seen.indexOf(tier.s) >= 0 || fin || course.tiers.length === 1) open(false);
      else offer("");
    });
  }
  function competences(tier, scores) {
    var table = el("table", "hv-progress__table"), head = el("tr");
    table.tabIndex = -1; /* where a tap on "Xem từng năng lực" leads the keyboard and screen reader */
    ["Năng lực số", "Trạng thái", "Bài kiểm tra"].forEach(function (h) { var th = el("th", "", h); th.scope = "col"; head.appendChild(th); });
    table.appendChild(head);
    tier.k.forEach(function (k) {
      var tr = el("tr"), th = el("th", "", k[0] + " " + k[1]), st = status(tier, scores, k[0]), cell = el("td");
      th.scope = "row";
      tr.appendChild(th);
      tr.appendChild(el("td", "hv-st hv-st--" + st, WORDS[st]));
      tier.q.forEach(function (q, i) {
        if (q[3].indexOf(k[0]) < 0) return;
        var line = el("span", "hv-progress__quiz"), s = scores[i];
        line.appendChild(link(q[2], q[1]));
        line.appendChild(doc.createTextNode(": " + (s ? s.right + "/" + s.total + (s.pass ? " ✓" : "") : "chưa làm")));
        cell.appendChild(line);
      });
      tr.appendChild(cell);
      table.appendChild(tr);
    });
    return scroller(table, "Năng lực số của cấp " + tier.n);
  }

  /* ---- the certificate itself, for the learner and for bulk printing: one A4 landscape
     sheet each (hocvuso.css), the code and QR beside the date at the foot */
  pages.progress = progressPage;
