// A form that starts a server job and shows its progress: POSTs the form (with the page's CSRF token), then polls
// GET /api/jobs/{id} every 700 ms until the job is done or failed. The page says what to send (request) and how
// a job reads (lines, summary, activity); the box with ids job-id, job-state, job-progress, job-count,
// job-activity, job-lines and job-summary is shared by every job page.
window.CustodyJobs = (function () {
  "use strict";

  function el(id) { return document.getElementById(id); }

  function watch(page) {
    var form = document.getElementById(page.form);
    var box = document.getElementById("job");
    if (!form || !box) return;
    var shown = 0;

    function show(job) {
      el("job-id").textContent = job.id;
      el("job-state").textContent = job.state;
      el("job-state").className = "status s-" + job.state;
      var total = job.total == null ? 0 : job.total;
      el("job-progress").max = Math.max(total, 1);
      el("job-progress").value = Math.min(job.done, Math.max(total, 1));
      el("job-count").textContent = job.done + " of " + total + " file(s)";
      if (el("job-activity")) el("job-activity").textContent = job.state === "running" && job.activity ? job.activity : "";
      var lines = page.lines(job).concat(job.refused.map(function (r) { return "refused: " + r; }));
      for (; shown < lines.length; shown++) {
        var li = document.createElement("li");
        li.textContent = lines[shown];
        el("job-lines").appendChild(li);
      }
      if (job.state === "done" && job.outcome) el("job-summary").textContent = page.summary(job);
      else if (job.state === "failed") el("job-summary").textContent = page.failed + job.error;
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
      var request = page.request(form);
      var headers = { "X-CSRF-Token": form.dataset.csrf, Accept: "application/json" };
      if (request.contentType) headers["Content-Type"] = request.contentType;
      form.querySelector("button").disabled = true;
      box.hidden = false;
      shown = 0;
      el("job-lines").textContent = "";
      el("job-summary").textContent = page.starting;
      fetch(form.action, { method: "POST", body: request.body, credentials: "same-origin", headers: headers })
        .then(function (r) {
          return r.json().then(function (body) {
            if (!r.ok) throw new Error(body.detail || (page.name + " answered " + r.status));
            return body;
          });
        })
        .then(function (job) { show(job); poll(job.id); })
        .catch(function (e) { el("job-summary").textContent = page.notStarted + e.message; })
        .finally(function () { form.querySelector("button").disabled = false; });
    });
  }

  return { watch: watch };
})();
