// Client-side search over search/<shard>.json; no dependencies, no inline code (CSP).
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) return;
  var cache = {};
  var docs = null;
  var seq = 0;

  // Same rule as SearchIndex.shard in BriefRender.
  function shard(term) {
    return Array.from(term).slice(0, 2).map(function (c) {
      return /^[a-z0-9]$/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }
  // Same list as SearchIndex.stopwords: these words are not in the index.
  var stopwords = new Set(("the and of to in a an on for with that this is was were are be by as at from it its or " +
    "but has had have he she his her they their which who will would said also not been into than more").split(" "));
  function terms(text) {
    var m = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    return m.filter(function (t) { return Array.from(t).length >= 2 && !stopwords.has(t); });
  }
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(path).then(function (r) {
        if (r.status === 404) return {};
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  function show(message) { status.textContent = message; }
  function render(ids, words) {
    list.textContent = "";
    ids.slice(0, 100).forEach(function (n) {
      var d = docs[n];
      if (!d) return;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.url; // relative to search.html, built by the site generator
      a.textContent = d.title;
      var kind = document.createElement("span");
      kind.className = "meta";
      kind.textContent = " " + d.kind;
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    });
    show(ids.length === 0 ? "No results for “" + words.join(" ") + "”." :
      ids.length + " result" + (ids.length === 1 ? "" : "s") + (ids.length > 100 ? " (first 100 shown)" : "") + ".");
  }
  function search() {
    var words = terms(input.value);
    var mine = ++seq;
    if (words.length === 0) { list.textContent = ""; show(""); return; }
    var needed = Array.from(new Set(words.map(shard)));
    Promise.all([load("search/docs.json")].concat(needed.map(function (s) { return load("search/" + s + ".json"); })))
      .then(function (results) {
        if (mine !== seq) return;
        docs = results[0];
        var shards = {};
        needed.forEach(function (s, i) { shards[s] = results[i + 1]; });
        var ids = null;
        words.forEach(function (w, i) {
          var table = shards[shard(w)] || {};
          var found = {};
          // The last word may be unfinished: match it as a prefix.
          Object.keys(table).forEach(function (t) {
            if (t === w || (i === words.length - 1 && t.indexOf(w) === 0)) {
              table[t].forEach(function (n) { found[n] = true; });
            }
          });
          var set = Object.keys(found).map(Number);
          ids = ids === null ? set : ids.filter(function (n) { return found[n]; });
        });
        ids.sort(function (a, b) { return a - b; });
        render(ids, words);
      })
      .catch(function () {
        if (mine !== seq) return;
        show("Search could not load its index. Browsers block loading files when the site is opened from disk; " +
          "serve the folder over HTTP (for example `python3 -m http.server`) to search.");
      });
  }
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 120); });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); search(); }
})();
