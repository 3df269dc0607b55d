package org.custody.lists;

/** A document or registry number attached to a listed entity (passport, IMO number, tax id, ...). */
public record Identifier(String type, String value, String country) {}
