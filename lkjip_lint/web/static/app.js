// The page's only script: send the chosen file to this server, show the answer.
// No library, nothing fetched from elsewhere; the report arrives as HTML from the
// server's own reporter and is shown in a sandboxed frame (no scripts run in it).
"use strict";

(function () {
  const S = JSON.parse(document.getElementById("strings").textContent);
  const $ = (id) => document.getElementById(id);
  const form = $("upload"), input = $("file"), zone = $("dropzone"), button = $("submit");
  const status = $("status"), message = $("message"), result = $("result"), frame = $("report");
  let urls = [];
  let latest = 0; // only the answer to the last upload is shown
  let checked = null; // the file of the answer shown: sent again for the annotated copy or the worksheet

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  const mb = (bytes) => String(Math.round((bytes / 1048576) * 10) / 10).replace(".", S.lang === "id" ? "," : ".");

  function showError(text) {
    status.textContent = "";
    message.textContent = text;
    message.hidden = false;
  }

  function clearResult() {
    urls.forEach((u) => URL.revokeObjectURL(u));
    urls = [];
    result.hidden = true;
    frame.onload = null;
    frame.srcdoc = "";
  }

  function download(link, content, type, name) {
    const url = URL.createObjectURL(new Blob([content], { type: type }));
    urls.push(url);
    link.href = url;
    link.download = name;
  }

  const FRAME_CSS = "body{padding:.5rem 1rem;background:#fff}body>h1,body>h2,body>table,section.doc>h2{display:none}" +
    "section.doc{border:0;margin:0;padding:0}";

  function fitFrame() {
    const doc = frame.contentDocument;
    // The body's own box, not scrollHeight: that never shrinks below the frame's current height.
    if (doc && doc.body && !result.hidden) frame.style.height = Math.ceil(doc.body.getBoundingClientRect().height) + 8 + "px";
  }

  function show(file, data) {
    const summary = data.report.summary;
    const base = file.name.replace(/\.[^.]*$/, "") || "laporan";
    const line = summary.error || summary.warning ? S.done : S.clean;
    const summaryEl = $("summary");
    summaryEl.textContent = fill(line, { name: file.name, ...summary });
    download($("download-html"), data.html, "text/html;charset=utf-8", base + ".lkjip-lint.html");
    download($("download-json"), JSON.stringify(data.report, null, 2), "application/json", base + ".lkjip-lint.json");
    checked = file;
    const format = data.report.files[0] && data.report.files[0].format;
    const annotated = $("download-annotated");
    annotated.hidden = format !== "docx" && format !== "pdf";
    annotated.textContent = fill(S.download_annotated, { kind: (format || "").toUpperCase() });
    frame.onload = () => {
      // Same origin (the sandbox allows that, while scripts stay off inside): the page already
      // shows the file name and counts, so the report's own title and overview are hidden here
      // (the downloaded report keeps them); then the frame takes the report's full height.
      const doc = frame.contentDocument;
      if (!doc || !doc.head) return;
      const style = doc.createElement("style");
      style.textContent = FRAME_CSS;
      doc.head.appendChild(style);
      // A srcdoc frame resolves "#doc0-t0" against this page's address, so a plain click would
      // load the page into the frame: jump to the table ourselves.
      doc.addEventListener("click", (event) => {
        const link = event.target.closest && event.target.closest('a[href^="#"]');
        if (!link) return;
        event.preventDefault();
        const target = doc.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
        if (target) target.scrollIntoView({ block: "start" });
      });
      fitFrame();
    };
    frame.srcdoc = data.html;
    status.textContent = "";
    result.hidden = false;
  }

  async function send(file) {
    const mine = ++latest;
    message.hidden = true;
    clearResult();
    if (!file) return showError(S.no_file);
    if (file.size > S.max_bytes) return showError(fill(S.too_large, { size: mb(file.size), limit: S.limit_mb }));
    status.textContent = fill(S.checking, { name: file.name });
    button.disabled = true;
    const body = new FormData();
    body.append("file", file, file.name);
    let response, data;
    try {
      response = await fetch("api/report?lang=" + encodeURIComponent(S.lang), { method: "POST", body: body });
    } catch (err) {
      if (mine !== latest) return;
      button.disabled = false;
      return showError(S.network);
    }
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (mine !== latest) return;
    button.disabled = false;
    if (!response.ok || !data || data.error) {
      const text = data && data.error ? data.error : fill(S.bad_answer, { status: response.status });
      return showError(file.name + ": " + text);
    }
    show(file, data);
  }

  // The annotated copy and the worksheet are made by the server on request: the file is
  // sent again (it never left this computer) and the answer saved under the name given.
  async function fetchDownload(endpoint, fallbackName) {
    const file = checked;
    if (!file) return;
    status.textContent = fill(S.preparing, { name: file.name });
    const body = new FormData();
    body.append("file", file, file.name);
    let response;
    try {
      response = await fetch(endpoint + (endpoint.includes("?") ? "&" : "?") + "lang=" + encodeURIComponent(S.lang),
        { method: "POST", body: body });
    } catch (err) {
      return showError(S.network);
    }
    if (!response.ok) {
      let data = null;
      try { data = await response.json(); } catch (err) { data = null; }
      return showError(file.name + ": " + (data && data.error ? data.error : fill(S.bad_answer, { status: response.status })));
    }
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(disposition);
    const url = URL.createObjectURL(await response.blob());
    urls.push(url);
    const link = document.createElement("a");
    link.href = url;
    link.download = match ? match[1] : fallbackName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    status.textContent = "";
  }

  $("download-annotated").addEventListener("click", (event) => {
    event.preventDefault();
    fetchDownload("api/annotate", "reviu");
  });
  $("download-worksheet").addEventListener("click", (event) => {
    event.preventDefault();
    fetchDownload("api/worksheet?format=xlsx", "reviu.xlsx");
  });

  window.addEventListener("resize", fitFrame);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(input.files[0]);
  });
  input.addEventListener("change", () => {
    if (input.files[0]) send(input.files[0]);
  });
  ["dragenter", "dragover"].forEach((type) =>
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add("over");
    })
  );
  ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) send(file);
  });
})();
