  function classPage() {
    var form = doc.getElementById("hv-class-form"), say = doc.getElementById("hv-class-status"),
      out = doc.getElementById("hv-class"), actions = doc.getElementById("hv-class-actions"),
      certs = doc.getElementById("hv-certs"), codes = read("lop", []);
    function save() { write("lop", codes); }
    function add(text) {
      var r = decode(text);
      if (r.error) { say.textContent = r.error; return false; }
      if (codes.indexOf(r.code) >= 0) { say.textContent = r.name + " đã có trong danh sách lớp."; return false; }
      codes.push(r.code); save(); render();
      say.textContent = "Đã thêm " + r.name + " (cấp " + r.tier.n + ").";
      return true;
    }
    function entries() { return codes.map(decode).filter(function (r) { return !r.error; }); }
    function render() { /* once the summaries of the class's tiers are loaded */
      var all = entries(), tiers = course.tiers.filter(function (t) { return all.some(function (r) { return r.tier === t; }); });
      if (tiers.every(loaded)) return draw();
      Promise.all(tiers.map(summary)).then(draw);
    }
    function draw() {
      out.textContent = "";
      var all = entries();
      actions.hidden = !all.length;
      course.tiers.forEach(function (tier) {
        var rows = all.filter(function (r) { return r.tier === tier; }), comps = tier.k || [];
        if (!rows.length) return;
        if (!loaded(tier)) out.appendChild(el("p", "", "Chưa mở được danh sách năng lực của cấp " + tier.n + ": bảng chỉ có điểm cuối cấp. Hãy kết nối mạng rồi tải lại trang."));
        var table = el("table", "hv-class__table"), head = el("tr");
        var heads = ["Họ và tên", "Xã, phường", "Ngày", "Cuối cấp"].concat(comps.map(function (k) { return k[0]; }), ["Xóa"]);
        heads.forEach(function (h, i) {
          var last = i === heads.length - 1, th = el("th", "", last ? undefined : h);
          if (last) th.appendChild(el("span", "hv-sr", h)); /* over the remove buttons: heard, not seen */
          th.scope = "col";
          if (i >= 4 && comps[i - 4]) th.title = comps[i - 4][1];
          head.appendChild(th);
        });
        table.appendChild(head);
        rows.forEach(function (r) {
          var tr = el("tr"), fin = finalOf(r.scores), name = el("th", "", r.name);
          name.scope = "row";
          tr.appendChild(name);
          tr.appendChild(el("td", "", r.place));
          tr.appendChild(el("td", "", dateOf(r.day)));
          tr.appendChild(el("td", "", fin ? fin.pct + "%" + (fin.pass ? " ✓" : "") : "–"));
          comps.forEach(function (k) { var st = status(tier, r.scores, k[0]); tr.appendChild(el("td", "hv-st hv-st--" + st, st === "pass" ? "✓ Đạt" : st === "progress" ? "Chưa" : "–")); });
          var cell = el("td"), del = el("button", "hv-button hv-button--secondary", "Xóa");
          del.type = "button";
          del.setAttribute("aria-label", "Xóa " + r.name + " khỏi lớp");
          del.addEventListener("click", function () {
            codes = codes.filter(function (c) { return c !== r.code; }); save(); render();
            say.textContent = "Đã xóa " + r.name + ".";
          });
          cell.appendChild(del);
          tr.appendChild(cell);
          table.appendChild(tr);
        });
        out.appendChild(scroller(table, "Cấp " + tier.n + ": " + rows.length + " học viên"));
      });
    }
    function csv() {
      var ks = [], rows = [];
      course.tiers.forEach(function (t) { (t.k || []).forEach(function (k) { if (ks.indexOf(k[0] + " " + k[1]) < 0) ks.push(k[0] + " " + k[1]); }); });
      rows.push(["Họ và tên", "Xã, phường", "Cấp", "Ngày", "Bài kiểm tra cuối cấp (%)", "Đạt cuối cấp", "Mã hoàn thành"].concat(ks));
      entries().forEach(function (r) {
        var fin = finalOf(r.scores), by = {};
        (r.tier.k || []).forEach(function (k) { by[k[0] + " " + k[1]] = { pass: "Đạt", progress: "Chưa đạt", none: "Chưa làm" }[status(r.tier, r.scores, k[0])]; });
        rows.push([r.name, r.place, r.tier.n, dateOf(r.day), fin ? fin.pct : "", fin && fin.pass ? "Có" : "Không", grouped(r.code)]
          .concat(ks.map(function (k) { return by[k] || ""; })));
      });
      var text = "\ufeff" + rows.map(function (row) {
        return row.map(function (v) {
          /* A learner types the name and place: a spreadsheet would run "=…", "+…", "-…", "@…"
             as a formula, so such a cell becomes text with a leading ' (OWASP, CSV injection). */
          v = String(v);
          var formula = /^[=+\-@\t\r]/.test(v);
          if (formula) v = "'" + v;
          return formula || /[",\r\n;]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
        }).join(",");
      }).join("\r\n") + "\r\n";
      var a = el("a");
      a.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
      var n = new Date();
      a.download = "lop-hoc-" + n.getFullYear() + "-" + ("0" + (n.getMonth() + 1)).slice(-2) + "-" + ("0" + n.getDate()).slice(-2) + ".csv";
      doc.body.appendChild(a); a.click(); a.remove();
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (add(form.code.value)) form.code.value = "";
    });
    doc.getElementById("hv-csv").addEventListener("click", csv);
    doc.getElementById("hv-print").addEventListener("click", function () {
      script(course.qr).then(function () { /* QR codes are drawn only for print: qr.js comes now */
        certs.textContent = "";
        entries().forEach(function (r) { var f = finalOf(r.scores); if (f && f.pass) certs.appendChild(certificate(r)); });
        window.print();
      });
    });
    doc.getElementById("hv-clear").addEventListener("click", function () {
      if (!window.confirm("Xóa toàn bộ danh sách lớp trên máy này?")) return;
      codes = []; save(); render();
      say.textContent = "Đã xóa danh sách lớp.";
    });
    /* Scanning where the browser can read QR codes itself (BarcodeDetector); typing elsewhere. */
    var scan = doc.getElementById("hv-scan"), video = doc.getElementById("hv-video");
    if ("BarcodeDetector" in window && navigator.mediaDevices) {
      scan.hidden = false;
      scan.addEventListener("click", function () {
        var detector = new window.BarcodeDetector({ formats: ["qr_code"] }), stream;
        navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (s) {
          stream = s; video.srcObject = s; video.hidden = false;
          say.textContent = "Hướng camera vào mã QR trên giấy chứng nhận…";
          return video.play();
        }).then(function look() {
          return detector.detect(video).then(function (found) {
            if (found.length) { add(found[0].rawValue); return; }
            return new Promise(function (ok) { setTimeout(ok, 300); }).then(look);
          });
        }).catch(function () {
          say.textContent = "Không mở được camera. Hãy gõ mã hoàn thành vào ô trên.";
        }).then(function () {
          if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
          video.hidden = true;
        });
      });
    }
    render();
  }
  pages["class"] = classPage;
