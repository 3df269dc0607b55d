package org.custody.diversion;

/**
 * End-use monitoring figures for a unit (port; the EUM store implements it): how many enhanced-monitoring
 * items were delivered to it and how many of those are delinquent (not verified in time, missing).
 */
public interface InventoryView {

    record Figures(int enhancedItems, int delinquentItems, String note) {}

    Figures figures(String unitId);

    /** No inventory records at all. */
    InventoryView NONE = unitId -> new Figures(0, 0, "no end-use inventory records");
}
