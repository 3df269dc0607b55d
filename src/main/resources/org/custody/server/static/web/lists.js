// List update: starts the API's update job (POST /api/lists/update) and shows the files fetched, the current
// download and the imported versions.
CustodyJobs.watch({
  form: "lists-form",
  name: "the update",
  starting: "Starting…",
  notStarted: "The update could not start: ",
  failed: "The update failed: ",
  request: function () {
    var sources = document.getElementById("sources").value.split("\n")
      .map(function (s) { return s.trim(); }).filter(function (s) { return s; });
    var body = { allowShrink: document.getElementById("allow-shrink").checked };
    if (sources.length) body.sources = sources;
    return { body: JSON.stringify(body), contentType: "application/json" };
  },
  lines: function (job) {
    return job.results.map(function (r) { return "fetched " + r.file + " (" + Math.round(r.bytes / 1024) + " KiB)"; });
  },
  summary: function (job) {
    return job.outcome.imported.map(function (o) {
      return Object.keys(o).map(function (k) { return k + " " + o[k]; }).join(", ");
    }).join("; ") || "Done.";
  }
});
