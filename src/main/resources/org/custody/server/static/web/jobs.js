// Progress of a background job (an evidence upload): polls its JSON until it is done or failed.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) return;
  var shown = document.querySelectorAll("#job-lines li").length;
  function poll() {
    fetch(box.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("the job answered " + r.status);
        return r.json();
      })
      .then(function (job) {
        var state = document.getElementById("job-state");
        state.textContent = job.state;
        state.className = "status s-" + job.state;
        var bar = document.getElementById("job-progress");
        bar.max = job.total;
        bar.value = job.done;
        document.getElementById("job-count").textContent = job.done + " of " + job.total;
        var list = document.getElementById("job-lines");
        for (; shown < job.lines.length; shown++) {
          var li = document.createElement("li");
          li.textContent = job.lines[shown];
          list.appendChild(li);
        }
        document.getElementById("job-summary").textContent = job.summary;
        if (job.state === "queued" || job.state === "running") setTimeout(poll, 700);
      })
      .catch(function (e) {
        document.getElementById("job-summary").textContent = "Progress unavailable: " + e.message;
      });
  }
  poll();
})();
