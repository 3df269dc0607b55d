package org.custody.lists;

/** A postal address as the list gives it; fields are empty strings when absent. */
public record Address(String street, String cityStateProvince, String country, String remarks) {}
