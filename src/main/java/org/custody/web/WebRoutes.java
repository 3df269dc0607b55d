package org.custody.web;

import org.custody.accounts.Capability;
import org.custody.server.Routes;
import org.custody.server.Services;

/**
 * The server's HTML pages (templates in src/main/jte). Each page handler only reads the request, calls
 * the same use cases the JSON API and the command line call, and renders a template; routes are declared
 * here into the one route table with the capability each needs, so forms a role may not use answer 403.
 */
public final class WebRoutes {

    private final DashboardPage dashboard;
    private final ScreeningPage screening;
    private final UnitPage units;
    private final DocumentPage documents;
    private final CasePage cases;
    private final VettingPage vetting;
    private final MapPage map;
    private final IngestPage ingest;
    private final ListsPage lists;

    public WebRoutes(Services services) {
        WebAreas areas = new WebAreas(services);
        this.dashboard = new DashboardPage(areas);
        this.screening = new ScreeningPage(areas);
        this.units = new UnitPage(areas);
        this.documents = new DocumentPage(areas);
        this.cases = new CasePage(areas);
        this.vetting = new VettingPage(areas);
        this.map = new MapPage(areas);
        this.ingest = new IngestPage();
        this.lists = new ListsPage(() -> services.screener().listVersions());
    }

    public void declare(Routes r) {
        r.tag("pages")
                .page("/", Capability.READ, "Dashboard: open cases by score, recent evidence, vetting queue, delinquent inventories")
                .query("as_of", "date", "day inventories are assessed on (default today)").to(dashboard::show)
                .page("/screen", Capability.READ, "Screening search with explained hits")
                .query("q", "string", "name to screen").query("schema", "string", "person, organization, vessel, aircraft, other")
                .query("dob", "string", "birth date or year").query("nationality", "string", "country").to(screening::show)
                .page("/units", Capability.READ, "The recipient units' hierarchy").to(units::list)
                .page("/units/{code}", Capability.READ, "A unit: hierarchy, commanders, vetting, deliveries, inventories, risk")
                .query("as_of", "date", "day inventories and risk are assessed on (default today)").to(units::show)
                .page("/documents/{id}", Capability.READ, "An evidence document with its mentions and claims highlighted").to(documents::show)
                .page("/cases", Capability.READ, "Diversion cases, highest score first").query("status", "string", "only this status").to(cases::list)
                .page("/cases/{id}", Capability.READ, "A diversion case: evidence, deliveries, score, history, map, timeline, workflow").to(cases::show)
                .form("/cases/{id}/status", Capability.WORK_CASES, "Move a case (form: status, reason)").to(cases::move)
                .form("/cases/{id}/notes", Capability.WORK_CASES, "Add a note to a case (form: note)").to(cases::note)
                .get("/web/images/{sha}/thumbnail", Capability.READ, "A stored picture's thumbnail (JPEG, scaled down from the stored bytes; privately cacheable)")
                .query("side", "integer", "long side in pixels, 32-320 (default 320)").to(cases::thumbnail)
                .page("/vetting", Capability.READ, "The vetting queue").to(vetting::queue)
                .page("/vetting/{id}", Capability.READ, "A vetting request: check, findings, dismissals, decision").to(vetting::show)
                .form("/vetting/{id}/check", Capability.WORK_VETTING, "Run the request's checks").to(vetting::check)
                .form("/vetting/{id}/dismiss", Capability.WORK_VETTING, "Dismiss a finding (form: node, entity, reason)").to(vetting::dismiss)
                .form("/vetting/{id}/decide", Capability.DECIDE_VETTING, "Decide the request (form: outcome, conditions, reason, expires)")
                .to(vetting::decide)
                .page("/map", Capability.READ, "Map of sightings and units' areas of operation").to(map::page)
                .get("/web/map.json", Capability.READ, "The map's data: country outlines, places, sightings, unit areas")
                .query("case", "integer", "only this case's sightings and units").to(map::data)
                .page("/evidence/upload", Capability.INGEST_EVIDENCE, "The evidence upload form, with the upload job's progress").to(ingest::form)
                .page("/lists/update", Capability.MANAGE_LISTS, "Update the watchlists from their publishers, with the update job's progress").to(lists::form);
    }
}
