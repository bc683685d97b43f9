// The search box of sites made by `wit doc`: filters the names of the generated index
// (static/search-index.js, which sets window.wittySearchIndex) as the user types, best
// matches first; Enter opens the first result, Escape closes the list. No server, no library.
(function () {
  "use strict";
  const input = document.getElementById("search-input");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const index = window.wittySearchIndex || [];
  const root = document.body.dataset.root || "";
  const limit = 50;
  if (!input || !list) return;

  // Lower is better: the exact name, then names that start with the query, then names that
  // contain it, then matches in what the name belongs to or in its summary.
  function rank(entry, query) {
    const name = entry.n.toLowerCase();
    if (name === query) return 0;
    if (name.startsWith(query)) return 1;
    if (name.includes(query)) return 2;
    if ((entry.c + "/" + entry.n).toLowerCase().includes(query)) return 3;
    if (entry.s && entry.s.toLowerCase().includes(query)) return 4;
    return -1;
  }

  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  function show() {
    const query = input.value.trim().toLowerCase();
    list.replaceChildren();
    if (!query) {
      list.hidden = true;
      status.textContent = "";
      return;
    }
    const found = [];
    for (const entry of index) {
      const r = rank(entry, query);
      if (r >= 0) found.push([r, entry]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1].n.length - b[1].n.length || a[1].n.localeCompare(b[1].n));
    for (const [, entry] of found.slice(0, limit)) {
      const item = element("li");
      const link = element("a");
      link.href = root + entry.u;
      link.append(element("span", "result-name", entry.n), " ");
      link.append(element("span", "result-kind", entry.k));
      if (entry.c) link.append(" ", element("span", "result-context", "in " + entry.c));
      if (entry.s) link.append(element("span", "result-summary", entry.s));
      item.append(link);
      list.append(item);
    }
    list.hidden = found.length === 0;
    status.textContent =
      found.length === 0 ? "No names match." : found.length + (found.length === 1 ? " name matches." : " names match.");
  }

  input.addEventListener("input", show);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const first = list.querySelector("a");
      if (first) window.location.href = first.href;
    } else if (event.key === "Escape") {
      input.value = "";
      show();
    } else if (event.key === "ArrowDown") {
      const first = list.querySelector("a");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  list.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < links.length - 1) {
      event.preventDefault();
      links[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? links[at - 1] : input).focus();
    } else if (event.key === "Escape") {
      input.focus();
      input.value = "";
      show();
    }
  });
  // A key `/` anywhere else jumps to the search box, as on many documentation sites.
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== input && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      input.focus();
    }
  });
})();
