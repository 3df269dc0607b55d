package org.custody.catalog;

/** How precisely a mention was resolved: a designation beats a family, which beats a category word. */
public enum Specificity {
    CATEGORY, FAMILY, ARTICLE
}
