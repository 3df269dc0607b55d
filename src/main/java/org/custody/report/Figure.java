package org.custody.report;

/** A headline figure of a report: what it is, its value, and how it was computed (basis and date). */
public record Figure(String label, String value, String explanation) {}
