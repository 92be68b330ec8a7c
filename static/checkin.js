// Check-in page, progressive enhancement (the page works without it):
// - the per-day counts refresh every 5 seconds from GET /api/v1/sessions/:slug/checkins;
// - a code is sent without leaving the page: the server answers the same page as for a plain form
//   post (in the page's language) and only its outcome and counts are swapped, so that the camera
//   keeps running from badge to badge and a keyboard-wedge scanner can type code after code;
// - where the browser has a camera, a button scans the badge's QR code (with the browser's
//   BarcodeDetector, or jsQR served at /static/vendor/jsqr.js) and sends it as if it were typed.
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

  const outcome = document.getElementById("checkin-outcome");
  const desk = document.getElementById("checkin-form");
  let afterSend = null; // the camera's: scan the next badge

  async function send(event) {
    event.preventDefault();
    const field = desk.elements.code;
    const typed = event.submitter?.type === "submit"; // not the camera's requestSubmit()
    const button = desk.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const response = await fetch(desk.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(desk)),
        headers: { accept: "text/html" },
        credentials: "same-origin",
      });
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const next = page.getElementById("checkin-outcome");
      if (!next) {
        // not the check-in page (signed out, for one): let the browser go where the server says
        desk.removeEventListener("submit", send);
        desk.submit();
        return;
      }
      outcome.replaceChildren(...next.childNodes);
      const counts = page.getElementById("checkin-counts");
      if (counts && list) list.replaceChildren(...counts.childNodes);
      field.value = "";
      if (typed) field.focus();
    } catch {
      // the code stays in the field, to send again
      const notice = document.createElement("p");
      notice.className = "notice error";
      notice.setAttribute("role", "alert");
      notice.textContent = desk.dataset.notSent || "";
      outcome.replaceChildren(notice);
    } finally {
      button.disabled = false;
      const resume = afterSend;
      afterSend = null;
      resume?.();
    }
  }
  if (outcome && desk && window.fetch && window.DOMParser) desk.addEventListener("submit", send);

  const start = document.getElementById("scan-start");
  const video = document.getElementById("scan-video");
  const form = document.getElementById("checkin-form");
  if (!start || !video || !form || !navigator.mediaDevices?.getUserMedia) return;
  const startLabel = start.textContent;
  let stream = null;
  let read = null; // reads a QR code from the video's current frame: its text, or null
  let last = { value: null, at: 0 };

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
      // the badge just read, still in front of the camera, is not sent again for a few seconds
      if (value && (value !== last.value || Date.now() - last.at > 5000)) {
        last = { value, at: Date.now() };
        form.elements.code.value = value;
        if (!outcome) stop(); // the page is left: nothing to scan after it
        afterSend = () => setTimeout(scan, 1000);
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
