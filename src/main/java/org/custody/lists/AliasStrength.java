package org.custody.lists;

/** OFAC's distinction: a strong a.k.a. identifies on its own; a weak one only with other evidence. */
public enum AliasStrength { PRIMARY, STRONG, WEAK }
