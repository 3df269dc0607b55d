package org.custody.server;

/** An area's routes (the JSON API of one area, the web pages), declared into the one route table. */
@FunctionalInterface
public interface RouteModule {
    void declare(Routes routes);
}
