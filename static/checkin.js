// Check-in page, progressive enhancement (the page works without it):
// - the per-day counts refresh every 5 seconds from GET /api/v1/sessions/:slug/checkins;
// - where the browser has a camera, a button scans the badge's QR code (with the browser's
//   BarcodeDetector, or jsQR served at /static/vendor/jsqr.js) and submits the form as if the
//   code had been typed.
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
  if (!start || !video || !form || !navigator.mediaDevices?.getUserMedia) return;
  const startLabel = start.textContent;
  let stream = null;
  let read = null; // reads a QR code from the video's current frame: its text, or null

  // The browser's own detector where there is one (Chrome on Android, macOS, ChromeOS), jsQR
  // elsewhere (Safari, Firefox, desktop Linux and Windows), loaded on the first scan only.
  async function nativeReader() {
    if (!("BarcodeDetector" in window)) return null;
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      if (!formats.includes("qr_code")) return null;
      const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      return async () => (await detector.detect(video)).find((c) => c.rawValue)?.rawValue ?? null;
    } catch {
      return null;
    }
  }

  function scriptReader() {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = start.dataset.decoder || "/static/vendor/jsqr.js";
      script.onerror = reject;
      script.onload = () => {
        const canvas = document.createElement("canvas");
        const context = canvas.getContext("2d", { willReadFrequently: true });
        resolve(async () => {
          // a frame at most 640 pixels wide: enough for a badge held up to the camera, and fast
          const scale = Math.min(1, 640 / (video.videoWidth || 640));
          canvas.width = Math.round(video.videoWidth * scale);
          canvas.height = Math.round(video.videoHeight * scale);
          if (!canvas.width || !canvas.height) return null;
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          const frame = context.getImageData(0, 0, canvas.width, canvas.height);
          return (
            window.jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" })?.data ??
            null
          );
        });
      };
      document.head.append(script);
    });
  }

  function stop() {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    video.hidden = true;
    start.textContent = startLabel;
  }

  async function scan() {
    if (!stream) return;
    try {
      const value = await read();
      if (value) {
        stop();
        form.elements.code.value = value;
        form.requestSubmit();
        return;
      }
    } catch {
      // a frame that cannot be read yet
    }
    setTimeout(scan, 150);
  }

  start.hidden = false;
  start.addEventListener("click", async () => {
    if (stream) return stop();
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      start.textContent = start.dataset.stop;
      read ??= (await nativeReader()) ?? (await scriptReader());
      scan();
    } catch {
      stop();
      // no camera, or not allowed: typing the code keeps working
      const status = document.getElementById("scan-status");
      if (status) status.textContent = start.dataset.unavailable || "";
    }
  });
})();
