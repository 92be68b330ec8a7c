// Check-in page, progressive enhancement (the page works without it):
// - the per-day counts refresh every 5 seconds from GET /api/v1/sessions/:slug/checkins;
// - where the browser has BarcodeDetector and a camera, a button scans the badge's QR code and
//   submits the form as if the code had been typed.
(() => {
  const list = document.getElementById("checkin-counts");
  const lang = document.documentElement.lang || "en";
  const locale = lang === "en" ? "en-GB" : lang;
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });
  const numberFormat = new Intl.NumberFormat(locale);

  function render(days) {
    const items = days.map((d) => {
      const li = document.createElement("li");
      li.dataset.day = d.day;
      li.append(`${dayFormat.format(new Date(`${d.day}T12:00:00Z`))}: `);
      const span = document.createElement("span");
      span.className = "count";
      span.textContent = numberFormat.format(d.count);
      li.append(span);
      return li;
    });
    list.replaceChildren(...items);
  }

  async function refresh() {
    if (document.hidden) return;
    try {
      const response = await fetch(list.dataset.url, {
        headers: { accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.ok) render((await response.json()).days);
    } catch {
      // offline for a moment: the next tick tries again
    }
  }
  if (list?.dataset.url) setInterval(refresh, 5000);

  const start = document.getElementById("scan-start");
  const video = document.getElementById("scan-video");
  const form = document.getElementById("checkin-form");
  if (!start || !video || !form || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  const startLabel = start.textContent;
  let stream = null;
  let detector = null;

  function stop() {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    video.hidden = true;
    start.textContent = startLabel;
  }

  async function scan() {
    if (!stream) return;
    try {
      const codes = await detector.detect(video);
      const value = codes.find((c) => c.rawValue)?.rawValue;
      if (value) {
        stop();
        form.elements.code.value = value;
        form.requestSubmit();
        return;
      }
    } catch {
      // a frame that cannot be read yet
    }
    setTimeout(scan, 200);
  }

  (async () => {
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      if (!formats.includes("qr_code")) return;
      detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      start.hidden = false;
    } catch {
      // no detector: typing the code keeps working
    }
  })();

  start.addEventListener("click", async () => {
    if (stream) return stop();
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      start.textContent = start.dataset.stop;
      scan();
    } catch {
      stop();
    }
  });
})();
