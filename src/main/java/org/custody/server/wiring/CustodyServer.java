package org.custody.server.wiring;

import java.util.List;
import org.custody.accounts.LoginThrottle;
import org.custody.server.RouteModule;
import org.custody.server.ServerApp;
import org.custody.server.Services;
import org.custody.server.api.AccountsApi;
import org.custody.server.api.AuditApi;
import org.custody.server.api.CasesApi;
import org.custody.server.api.EumApi;
import org.custody.server.api.EvidenceApi;
import org.custody.server.api.LedgerApi;
import org.custody.server.api.ListsApi;
import org.custody.server.api.ReportsApi;
import org.custody.server.api.VettingApi;
import org.custody.server.api.YenteApi;
import org.custody.web.WebRoutes;

/**
 * The whole server put together: the core server (sign-in, health, API document), the JSON API and the
 * web pages. The one place that knows every module, so {@code server} imports neither {@code server.api}
 * nor {@code web} and there is no import cycle.
 */
public final class CustodyServer {

    private CustodyServer() {}

    public static ServerApp create(Services services, ServerApp.Settings settings, LoginThrottle throttle) {
        return new ServerApp(services, settings, throttle, modules(services, settings));
    }

    public static ServerApp create(Services services, ServerApp.Settings settings) {
        return create(services, settings, LoginThrottle.standard());
    }

    static List<RouteModule> modules(Services services, ServerApp.Settings settings) {
        return List.of(new YenteApi(services)::declare, new ListsApi(services)::declare, new LedgerApi(services)::declare,
                new EumApi(services)::declare, new VettingApi(services)::declare, new EvidenceApi(services)::declare,
                new CasesApi(services)::declare, new AuditApi(services)::declare, new ReportsApi(services, settings.version())::declare, new AccountsApi(services)::declare,
                new WebRoutes(services)::declare);
    }
}
