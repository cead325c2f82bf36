  /* completion codes: record/head.js comes before, record/tail.js after (hocvuso/output/scripts.py) */
  var ALPHA = "0123456789ABCDEFGHJKMNPQRSTVWXYZ", VERSION = 2, EPOCH = Date.UTC(2025, 0, 1), DAY = 864e5;
  function crc16(bits) { /* CRC-16/CCITT-FALSE over a bit list */
    var c = 0xffff;
    bits.forEach(function (b) { var top = (c >>> 15) ^ b; c = (c << 1) & 0xffff; if (top) c ^= 0x1021; });
    return c;
  }
  function encode(r) {
    var bits = [];
    function put(v, n) { for (var i = n - 1; i >= 0; i--) bits.push((v >>> i) & 1); }
    function text(s) {
      var bytes = Array.from(new TextEncoder().encode((s || "").normalize("NFC")));
      while (bytes.length > 63) { s = Array.from(s).slice(0, -1).join(""); bytes = Array.from(new TextEncoder().encode(s)); }
      put(bytes.length, 6);
      bytes.forEach(function (b) { put(b, 8); });
    }
    put(VERSION, 3); put(r.tier.i, 3); put(r.tier.h, 16); put(r.day, 15);
    var fin = r.scores.length - 1;
    r.scores.forEach(function (s, i) { /* pass bit, then tens of percent; the final test in whole percent */
      if (i < fin) put(s ? (s.pass ? 16 : 0) | Math.round(s.pct / 10) : 31, 5);
      else put(s ? (s.pass ? 128 : 0) | s.pct : 127, 8);
    });
    text(r.name); text(r.place);
    while ((bits.length + 16) % 5) bits.push(0);
    put(crc16(bits), 16);
    var out = "";
    for (var i = 0; i < bits.length; i += 5) out += ALPHA[parseInt(bits.slice(i, i + 5).join(""), 2)];
    return out;
  }
  function decode(input) {
    var s = String(input).toUpperCase().replace(/[\s\-–.]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
    if (s.length < 12) return { error: "Mã quá ngắn. Hãy gõ đủ mọi ký tự trên giấy chứng nhận." };
    var bits = [];
    for (var i = 0; i < s.length; i++) {
      var v = ALPHA.indexOf(s[i]);
      if (v < 0) return { error: "Mã có ký tự “" + s[i] + "” không dùng trong mã hoàn thành. Hãy kiểm tra lại." };
      for (var k = 4; k >= 0; k--) bits.push((v >>> k) & 1);
    }
    var body = bits.slice(0, -16), check = parseInt(bits.slice(-16).join(""), 2);
    if (crc16(body) !== check) return { error: "Mã không đúng: có thể đã gõ nhầm hoặc thiếu một ký tự. Hãy so lại từng nhóm ký tự." };
    var at = 0, fail = false;
    function get(n) {
      if (at + n > body.length) { fail = true; return 0; }
      var v = parseInt(body.slice(at, at + n).join(""), 2); at += n; return v;
    }
    function text() {
      var n = get(6), bytes = [];
      for (var j = 0; j < n; j++) bytes.push(get(8));
      return fail ? "" : new TextDecoder().decode(new Uint8Array(bytes));
    }
    var version = get(3);
    if (version < 1 || version > VERSION) return { error: "Mã này do phiên bản khác của hocvuso tạo ra." };
    var index = get(3), h = get(16), day = get(15);
    var tier = course.tiers.filter(function (t) { return t.i === index && t.h === h; })[0];
    if (!tier) return { error: "Mã này thuộc khóa học khác, hoặc phiên bản khác của khóa học này." };
    var scores = [];
    for (var n = 0; n <= tier.nq; n++) { /* each quiz of the tier, then its final test (whole percent from version 2) */
      if (version > 1 && n === tier.nq) { var f = get(8); scores.push(f === 127 ? null : { pass: f >= 128, pct: f & 127 }); continue; }
      var v = get(5);
      scores.push(v === 31 ? null : { pass: v >= 16, pct: (v & 15) * 10 });
    }
    var name = text(), place = text();
    if (fail || !name) return { error: "Mã không đúng: thiếu ký tự. Hãy gõ đủ mã." };
    return { tier: tier, day: day, scores: scores, name: name, place: place, code: s };
  }
  function grouped(code) { return code.replace(/(.{4})(?=.)/g, "$1-"); }
  function dateOf(day) {
    var d = new Date(EPOCH + day * DAY);
    return ("0" + d.getUTCDate()).slice(-2) + "/" + ("0" + (d.getUTCMonth() + 1)).slice(-2) + "/" + d.getUTCFullYear();
  }
  function today() { var n = new Date(); return Math.floor((Date.UTC(n.getFullYear(), n.getMonth(), n.getDate()) - EPOCH) / DAY); }
  window.hvCode = { encode: encode, decode: decode, grouped: grouped }; /* for tests */

