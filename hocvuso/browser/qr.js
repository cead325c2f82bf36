/* hocvuso QR codes, drawn in the browser with no network: window.hvQR(text) -> <svg>.
   Alphanumeric mode (0-9, A-Z, space and $%*+-./:), error correction level M,
   versions 1-10 (up to 213 characters): enough for a completion code. Follows
   ISO/IEC 18004; the layout steps mirror Project Nayuki's reference encoder. */
(function () {
  "use strict";
  var CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  var ECC_PER_BLOCK = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]; /* level M, by version */
  var BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5];

  function rawModules(v) {
    var n = (16 * v + 128) * v + 64;
    if (v >= 2) { var a = Math.floor(v / 7) + 2; n -= (25 * a - 10) * a - 55; if (v >= 7) n -= 36; }
    return n;
  }
  function dataCodewords(v) { return Math.floor(rawModules(v) / 8) - ECC_PER_BLOCK[v] * BLOCKS[v]; }

  function gfMul(x, y) {
    var z = 0;
    for (var i = 7; i >= 0; i--) { z = (z << 1) ^ ((z >>> 7) * 0x11d); z ^= ((y >>> i) & 1) * x; }
    return z;
  }
  function rsRemainder(data, degree) {
    var div = [], root = 1, i, j;
    for (i = 0; i < degree; i++) div.push(i === degree - 1 ? 1 : 0);
    for (i = 0; i < degree; i++) {
      for (j = 0; j < degree; j++) { div[j] = gfMul(div[j], root); if (j + 1 < degree) div[j] ^= div[j + 1]; }
      root = gfMul(root, 2);
    }
    var rem = div.map(function () { return 0; });
    data.forEach(function (b) {
      var f = b ^ rem.shift();
      rem.push(0);
      for (var k = 0; k < degree; k++) rem[k] ^= gfMul(div[k], f);
    });
    return rem;
  }

  function codewords(text, v) {
    var bits = [];
    function put(val, n) { for (var i = n - 1; i >= 0; i--) bits.push((val >>> i) & 1); }
    put(2, 4);
    put(text.length, v < 10 ? 9 : 11);
    for (var i = 0; i < text.length; i += 2) {
      var a = CHARS.indexOf(text[i]);
      if (i + 1 < text.length) put(a * 45 + CHARS.indexOf(text[i + 1]), 11); else put(a, 6);
    }
    var cap = dataCodewords(v) * 8;
    put(0, Math.min(4, cap - bits.length));
    put(0, (8 - bits.length % 8) % 8);
    for (var pad = 0xec; bits.length < cap; pad ^= 0xec ^ 0x11) put(pad, 8);
    var data = [];
    for (i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(""), 2));
    /* split into blocks, add error correction, interleave */
    var nb = BLOCKS[v], ecc = ECC_PER_BLOCK[v], raw = Math.floor(rawModules(v) / 8);
    var short = nb - raw % nb, shortLen = Math.floor(raw / nb), blocks = [], k = 0;
    for (i = 0; i < nb; i++) {
      var dat = data.slice(k, k + shortLen - ecc + (i < short ? 0 : 1));
      k += dat.length;
      var e = rsRemainder(dat, ecc);
      if (i < short) dat.push(0);
      blocks.push(dat.concat(e));
    }
    var out = [];
    for (i = 0; i < blocks[0].length; i++) {
      for (var j = 0; j < nb; j++) if (i !== shortLen - ecc || j >= short) out.push(blocks[j][i]);
    }
    return out;
  }

  function alignment(v, size) {
    if (v === 1) return [];
    var n = Math.floor(v / 7) + 2, step = Math.ceil((v * 4 + 4) / (n * 2 - 2)) * 2, pos = [6];
    for (var p = size - 7; pos.length < n; p -= step) pos.splice(1, 0, p);
    return pos;
  }

  function matrix(text, v, mask) {
    var size = v * 4 + 17, m = [], fn = [], x, y, i;
    for (y = 0; y < size; y++) { m.push([]); fn.push([]); for (x = 0; x < size; x++) { m[y].push(false); fn[y].push(false); } }
    function set(x, y, dark) { m[y][x] = dark; fn[y][x] = true; }
    for (i = 0; i < size; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
    [[3, 3], [size - 4, 3], [3, size - 4]].forEach(function (c) {
      for (var dy = -4; dy <= 4; dy++) for (var dx = -4; dx <= 4; dx++) {
        var d = Math.max(Math.abs(dx), Math.abs(dy)), xx = c[0] + dx, yy = c[1] + dy;
        if (xx >= 0 && xx < size && yy >= 0 && yy < size) set(xx, yy, d !== 2 && d !== 4);
      }
    });
    var al = alignment(v, size), last = al.length - 1;
    al.forEach(function (ay, i) {
      al.forEach(function (ax, j) {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
        for (var dy = -2; dy <= 2; dy++) for (var dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      });
    });
    function format(mask) { /* level M is 00 */
      var data = mask, rem = data;
      for (var i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
      var bits = ((data << 10) | rem) ^ 0x5412;
      function b(i) { return ((bits >>> i) & 1) !== 0; }
      for (i = 0; i <= 5; i++) set(8, i, b(i));
      set(8, 7, b(6)); set(8, 8, b(7)); set(7, 8, b(8));
      for (i = 9; i < 15; i++) set(14 - i, 8, b(i));
      for (i = 0; i < 8; i++) set(size - 1 - i, 8, b(i));
      for (i = 8; i < 15; i++) set(8, size - 15 + i, b(i));
      set(8, size - 8, true);
    }
    format(0);
    if (v >= 7) {
      var rem = v;
      for (i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
      var vb = (v << 12) | rem;
      for (i = 0; i < 18; i++) {
        var bit = ((vb >>> i) & 1) !== 0, a = size - 11 + i % 3, bb = Math.floor(i / 3);
        set(a, bb, bit); set(bb, a, bit);
      }
    }
    var data = codewords(text, v), n = 0;
    for (var right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (var vert = 0; vert < size; vert++) for (var j = 0; j < 2; j++) {
        x = right - j;
        y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (!fn[y][x] && n < data.length * 8) { m[y][x] = ((data[n >>> 3] >>> (7 - (n & 7))) & 1) !== 0; n++; }
      }
    }
    var masks = [
      function (x, y) { return (x + y) % 2 === 0; }, function (x, y) { return y % 2 === 0; },
      function (x) { return x % 3 === 0; }, function (x, y) { return (x + y) % 3 === 0; },
      function (x, y) { return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0; },
      function (x, y) { return x * y % 2 + x * y % 3 === 0; },
      function (x, y) { return (x * y % 2 + x * y % 3) % 2 === 0; },
      function (x, y) { return ((x + y) % 2 + x * y % 3) % 2 === 0; }];
    for (y = 0; y < size; y++) for (x = 0; x < size; x++) if (!fn[y][x] && masks[mask](x, y)) m[y][x] = !m[y][x];
    format(mask);
    return m;
  }

  /* Rules N1, N2 and N4 of the standard's penalty (N3 left out: any mask decodes). */
  function penalty(m) {
    var size = m.length, score = 0, dark = 0, x, y;
    for (var pass = 0; pass < 2; pass++) for (y = 0; y < size; y++) {
      var run = 1;
      for (x = 1; x <= size; x++) {
        var same = x < size && (pass ? m[x][y] === m[x - 1][y] : m[y][x] === m[y][x - 1]);
        if (same) run++; else { if (run >= 5) score += run - 2; run = 1; }
      }
    }
    for (y = 0; y < size; y++) for (x = 0; x < size; x++) {
      if (m[y][x]) dark++;
      if (x < size - 1 && y < size - 1 && m[y][x] === m[y][x + 1] && m[y][x] === m[y + 1][x] && m[y][x] === m[y + 1][x + 1]) score += 3;
    }
    return score + Math.floor(Math.abs(dark * 20 - size * size * 10) / (size * size)) * 10;
  }

  function encode(text, mask) {
    text = String(text).toUpperCase();
    for (var i = 0; i < text.length; i++) if (CHARS.indexOf(text[i]) < 0) throw new Error("QR: " + text[i]);
    for (var v = 1; v <= 10; v++) {
      if (4 + (v < 10 ? 9 : 11) + Math.floor(text.length / 2) * 11 + (text.length % 2) * 6 > dataCodewords(v) * 8) continue;
      if (mask !== undefined) return matrix(text, v, mask);
      var best = null, bestScore = Infinity;
      for (var k = 0; k < 8; k++) { var m = matrix(text, v, k), s = penalty(m); if (s < bestScore) { best = m; bestScore = s; } }
      return best;
    }
    throw new Error("QR: too long");
  }

  window.hvQR = function (text, label) {
    var m = encode(text), size = m.length + 8, d = "", ns = "http://www.w3.org/2000/svg";
    m.forEach(function (row, y) { row.forEach(function (dark, x) { if (dark) d += "M" + (x + 4) + " " + (y + 4) + "h1v1h-1z"; }); });
    var svg = document.createElementNS(ns, "svg"), bg = document.createElementNS(ns, "rect"), p = document.createElementNS(ns, "path");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label || "Mã QR");
    svg.setAttribute("class", "hv-qr");
    bg.setAttribute("width", size); bg.setAttribute("height", size); bg.setAttribute("fill", "#fff");
    p.setAttribute("d", d); p.setAttribute("fill", "#000");
    svg.appendChild(bg); svg.appendChild(p);
    return svg;
  };
  window.hvQR.matrix = encode; /* for tests: compared with segno's */
})();
