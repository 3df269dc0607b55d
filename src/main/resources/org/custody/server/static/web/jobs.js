// Evidence upload: sends the files to the API's upload job (POST /api/evidence, with the page's CSRF token),
// then polls GET /api/jobs/{id} and shows the progress, one line per file, until the job is done or failed.
(function () {
  "use strict";
  var form = document.getElementById("ingest-form");
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
    el("job-progress").value = job.done;
    el("job-count").textContent = job.done + " of " + total + " file(s)";
    var lines = job.results.map(function (r) {
      return r.file + ": " + r.documents.map(function (d) {
        return d.id + " " + (d.created ? "new" : "unchanged") + ", " + d.mentions + " mentions, " + d.claims + " claims";
      }).join("; ");
    }).concat(job.refused.map(function (r) { return "refused: " + r; }));
    for (; shown < lines.length; shown++) line(lines[shown]);
    if (job.state === "done" && job.outcome) {
      el("job-summary").textContent = job.outcome.files + " file(s), " + job.outcome.stored + " document(s) stored, "
        + job.outcome.unchanged + " unchanged, " + job.refused.length + " refused";
    } else if (job.state === "failed") {
      el("job-summary").textContent = "The job failed: " + job.error;
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
    var data = new FormData(form);
    form.querySelector("button").disabled = true;
    box.hidden = false;
    shown = 0;
    el("job-lines").textContent = "";
    el("job-summary").textContent = "Uploading…";
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin",
                         headers: { "X-CSRF-Token": form.dataset.csrf, Accept: "application/json" } })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.detail || ("the upload answered " + r.status));
          return body;
        });
      })
      .then(function (job) { show(job); poll(job.id); })
      .catch(function (e) { el("job-summary").textContent = "The upload failed: " + e.message; })
      .finally(function () { form.querySelector("button").disabled = false; });
  });
})();
