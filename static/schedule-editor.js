// Schedule editor, progressive enhancement (the page works without it, through its forms):
// - drag an event card onto another cell (HTML5 drag and drop), or onto "Not in the schedule";
// - with the keyboard: focus a card, Enter or Space picks it up, the arrow keys choose a cell
//   (Page Up / Page Down: another day), Enter puts it there, Escape cancels;
// - each move is saved through the API with the draft's ETag (If-Match), then the editor is
//   re-rendered from the server, which says at once which rules the move breaks;
// - while the optimiser runs, its status is polled and the progress bar follows.
(() => {
  const root = document.getElementById("schedule-editor");
  if (!root) return;
  const csrf = () => root.querySelector('input[name="_csrf"]')?.value ?? "";
  const status = () => document.getElementById("schedule-status");
  const announce = (text) => {
    const s = status();
    if (!s) return;
    const p = document.createElement("p");
    p.textContent = text;
    s.replaceChildren(p);
  };

  async function refresh(focusId) {
    const url = `${root.dataset.page}${focusId ? `?moved=${encodeURIComponent(focusId)}` : ""}`;
    const response = await fetch(url, { headers: { accept: "text/html" }, credentials: "same-origin" });
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = doc.getElementById("schedule-editor");
    if (!fresh) return location.assign(url);
    for (const name of ["version", "etag"]) root.dataset[name] = fresh.dataset[name];
    // the script element is not re-run: only the content is replaced
    root.replaceChildren(...[...fresh.childNodes].filter((n) => n.nodeName !== "SCRIPT"));
    history.replaceState(null, "", url);
    bind();
    if (focusId) document.getElementById(`card-${focusId}`)?.focus();
  }

  async function send(path, body, focusId) {
    try {
      const response = await fetch(`${root.dataset.api}/draft/${path}`, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "if-match": root.dataset.etag,
          "x-csrf-token": csrf(),
        },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(String(response.status));
      await refresh(focusId);
    } catch {
      announce(root.dataset.failed);
      setTimeout(() => location.reload(), 1500);
    }
  }

  const moveTo = (eventId, cell) => {
    if (!cell) return;
    if (cell.hasAttribute("data-unplaced")) return send("unplace", { eventId }, eventId);
    const { room, slot } = cell.dataset;
    if (room && slot) return send("moves", { eventId, roomId: room, slotId: slot }, eventId);
  };

  // ---- keyboard: pick up, choose a cell, drop
  let picked = null;
  let target = null;
  const cells = () => [...root.querySelectorAll("td[data-room]")];
  function aim(cell) {
    target?.classList.remove("drop-target");
    target = cell;
    if (!cell) return;
    cell.classList.add("drop-target");
    cell.tabIndex = -1;
    cell.focus();
    announce(`${root.dataset.target} ${cell.getAttribute("aria-label") ?? ""}`);
  }
  function cancel() {
    picked?.classList.remove("picked");
    picked?.setAttribute("aria-pressed", "false");
    const card = picked;
    picked = null;
    aim(null);
    card?.focus();
  }
  function step(key) {
    if (!target) return aim(cells()[0]);
    const row = target.parentElement;
    const table = target.closest("table");
    const rtl = getComputedStyle(root).direction === "rtl";
    const index = [...row.children].indexOf(target);
    const rows = [...table.tBodies[0].rows];
    const r = rows.indexOf(row);
    const forward = rtl ? "ArrowLeft" : "ArrowRight";
    const back = rtl ? "ArrowRight" : "ArrowLeft";
    let next = null;
    if (key === forward) next = row.children[index + 1];
    if (key === back) next = index > 1 ? row.children[index - 1] : null;
    if (key === "ArrowDown") next = rows[r + 1]?.children[index];
    if (key === "ArrowUp") next = rows[r - 1]?.children[index];
    if (key === "PageDown" || key === "PageUp") {
      const tables = [...root.querySelectorAll("table.schedule-grid")];
      const other = tables[tables.indexOf(table) + (key === "PageDown" ? 1 : -1)];
      next = other?.tBodies[0].rows[Math.min(r, other.tBodies[0].rows.length - 1)]?.children[1];
    }
    if (next?.matches("td[data-room]")) aim(next);
  }
  root.addEventListener("keydown", (event) => {
    const card = event.target.closest?.(".schedule-event");
    if (!picked && card && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      picked = card;
      card.classList.add("picked");
      card.setAttribute("aria-pressed", "true");
      announce(root.dataset.picked);
      aim(card.closest("td[data-room]") ?? cells()[0]);
      return;
    }
    if (!picked) return;
    if (event.key === "Escape") {
      event.preventDefault();
      announce(root.dataset.cancelled);
      cancel();
    } else if (event.key === "Enter") {
      event.preventDefault();
      const eventId = picked.dataset.event;
      const cell = target;
      picked = null;
      moveTo(eventId, cell);
    } else if (
      ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown"].includes(event.key)
    ) {
      event.preventDefault();
      step(event.key);
    }
  });

  // ---- mouse: HTML5 drag and drop
  function bind() {
    for (const card of root.querySelectorAll(".schedule-event")) {
      card.setAttribute("role", "button");
      card.setAttribute("aria-pressed", "false");
      card.addEventListener("dragstart", (event) => {
        event.dataTransfer.setData("text/plain", card.dataset.event);
        event.dataTransfer.effectAllowed = "move";
      });
    }
    for (const cell of root.querySelectorAll("td[data-room], [data-unplaced]")) {
      cell.addEventListener("dragover", (event) => {
        event.preventDefault();
        cell.classList.add("drop-target");
      });
      cell.addEventListener("dragleave", () => cell.classList.remove("drop-target"));
      cell.addEventListener("drop", (event) => {
        event.preventDefault();
        cell.classList.remove("drop-target");
        const eventId = event.dataTransfer.getData("text/plain");
        if (eventId) moveTo(eventId, cell);
      });
    }
    poll();
  }

  // ---- the optimiser's progress
  let polling = false;
  function poll() {
    const run = document.getElementById("schedule-run");
    if (polling || !run?.dataset.running || !run.dataset.statusUrl) return;
    polling = true;
    const tick = async () => {
      try {
        const response = await fetch(run.dataset.statusUrl, {
          headers: { accept: "application/json" },
          credentials: "same-origin",
        });
        const body = await response.json();
        if (body.status !== "running") return location.assign(root.dataset.page);
        const bar = run.querySelector("progress");
        if (bar) bar.value = Math.min(body.progress.elapsedSeconds ?? 0, body.timeLimitSeconds);
      } catch {
        // a moment offline: the next tick tries again
      }
      setTimeout(tick, 1000);
    };
    setTimeout(tick, 1000);
  }

  bind();
})();
