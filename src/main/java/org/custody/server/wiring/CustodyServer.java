package org.custody.server.wiring;

import java.util.List;
import org.custody.accounts.LoginThrottle;
import org.custody.server.RouteModule;
import org.custody.server.ServerApp;
import org.custody.server.Services;
import org.custody.server.api.AccountsApi;
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
        return new ServerApp(services, settings, throttle, modules(services));
    }

    public static ServerApp create(Services services, ServerApp.Settings settings) {
        return create(services, settings, LoginThrottle.standard());
    }

    static List<RouteModule> modules(Services services) {
        return List.of(new YenteApi(services)::declare, new AccountsApi(services)::declare, new WebRoutes(services)::declare);
    }
}
