package org.custody.web;

import org.custody.config.CustodyProperties;
import org.custody.diversion.ScoringConfig;
import org.custody.evidence.extract.Gazetteer;
import org.custody.screening.ScreeningEngine;
import org.custody.server.ApiException;
import org.custody.server.Services;
import org.custody.store.Database;
import org.custody.store.diversion.DiversionCases;
import org.custody.store.diversion.DiversionRunner;
import org.custody.store.vetting.VettingService;

/**
 * The use cases the pages call, made the way the command line makes them ({@code VettingService.onCurrentLists},
 * {@code DiversionCases.fromProperties}) over the server's database, settings and in-memory screening engine.
 */
final class WebAreas {

    private final Services services;
    private volatile Gazetteer gazetteer;

    WebAreas(Services services) {
        this.services = services;
    }

    Services services() {
        return services;
    }

    Database db() {
        return services.database();
    }

    /** The engine held in memory; pages that screen refuse clearly while no list is imported. */
    ScreeningEngine screener() {
        ScreeningEngine e = services.screener();
        if (e.entityCount() == 0) {
            throw new ApiException(409, "no_lists", "no watchlist imported yet (custody lists import --bundled)", null);
        }
        return e;
    }

    VettingService vetting() {
        return VettingService.onCurrentLists(db(), this::screener);
    }

    /** Cases as this installation's settings configure them (custody.properties), as the CLI and the API make them. */
    DiversionCases diversion() {
        return DiversionCases.fromProperties(db(), CustodyProperties.load(services.home()),
                CustodyProperties.file(services.home()).toString());
    }

    DiversionRunner cases() {
        return diversion().runner();
    }

    ScoringConfig scoring() {
        return diversion().scoring();
    }

    Gazetteer gazetteer() {
        Gazetteer g = gazetteer;
        if (g == null) {
            synchronized (this) {
                if (gazetteer == null) gazetteer = Gazetteer.bundled();
                g = gazetteer;
            }
        }
        return g;
    }
}
