// Evidence upload: sends the files to the API's upload job (POST /api/evidence) and shows one line per file.
CustodyJobs.watch({
  form: "ingest-form",
  name: "the upload",
  starting: "Uploading…",
  notStarted: "The upload failed: ",
  failed: "The job failed: ",
  request: function (form) { return { body: new FormData(form) }; },
  lines: function (job) {
    return job.results.map(function (r) {
      return r.file + ": " + r.documents.map(function (d) {
        return d.id + " " + (d.created ? "new" : "unchanged") + ", " + d.mentions + " mentions, " + d.claims + " claims";
      }).join("; ");
    });
  },
  summary: function (job) {
    return job.outcome.files + " file(s), " + job.outcome.stored + " document(s) stored, "
      + job.outcome.unchanged + " unchanged, " + job.refused.length + " refused";
  }
});
