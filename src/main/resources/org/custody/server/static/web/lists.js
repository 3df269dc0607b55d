// List update: starts the API's update job (POST /api/lists/update, with the page's CSRF token), then polls
// GET /api/jobs/{id} and shows the files fetched, the current download and the imported versions until it ends.
(function () {
  "use strict";
  var form = document.getElementById("lists-form");
  var box = document.getElementById("job");
  if (!form || !box) return;
  var shown = 0;

  function el(id) { return document.getElementById(id); }

  function line(text) {
    var li = document.createElement("li");
    li.textContent = text;
    el("job-lines").appendChild(li);
  }

  function show(job) {
    el("job-id").textContent = job.id;
    el("job-state").textContent = job.state;
    el("job-state").className = "status s-" + job.state;
    var total = job.total == null ? 0 : job.total;
    el("job-progress").max = Math.max(total, 1);
    el("job-progress").value = Math.min(job.done, Math.max(total, 1));
    el("job-count").textContent = job.done + " of " + total + " file(s)";
    el("job-activity").textContent = job.state === "running" && job.activity ? job.activity : "";
    var lines = job.results.map(function (r) { return "fetched " + r.file + " (" + Math.round(r.bytes / 1024) + " KiB)"; })
      .concat(job.refused.map(function (r) { return "refused: " + r; }));
    for (; shown < lines.length; shown++) line(lines[shown]);
    if (job.state === "done" && job.outcome) {
      el("job-summary").textContent = job.outcome.imported.map(function (o) {
        return Object.keys(o).map(function (k) { return k + " " + o[k]; }).join(", ");
      }).join("; ") || "Done.";
    } else if (job.state === "failed") {
      el("job-summary").textContent = "The update failed: " + job.error;
    }
  }

  function poll(id) {
    fetch("/api/jobs/" + encodeURIComponent(id), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("the job answered " + r.status);
        return r.json();
      })
      .then(function (job) {
        show(job);
        if (job.state === "running") setTimeout(function () { poll(id); }, 700);
      })
      .catch(function (e) { el("job-summary").textContent = "Progress unavailable: " + e.message; });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var sources = el("sources").value.split("\n").map(function (s) { return s.trim(); }).filter(function (s) { return s; });
    var body = { allowShrink: el("allow-shrink").checked };
    if (sources.length) body.sources = sources;
    form.querySelector("button").disabled = true;
    box.hidden = false;
    shown = 0;
    el("job-lines").textContent = "";
    el("job-summary").textContent = "Starting…";
    fetch(form.action, { method: "POST", body: JSON.stringify(body), credentials: "same-origin",
                         headers: { "X-CSRF-Token": form.dataset.csrf, "Content-Type": "application/json", Accept: "application/json" } })
      .then(function (r) {
        return r.json().then(function (b) {
          if (!r.ok) throw new Error(b.detail || ("the update answered " + r.status));
          return b;
        });
      })
      .then(function (job) { show(job); poll(job.id); })
      .catch(function (e) { el("job-summary").textContent = "The update could not start: " + e.message; })
      .finally(function () { form.querySelector("button").disabled = false; });
  });
})();
