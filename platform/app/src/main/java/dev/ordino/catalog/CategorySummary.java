package dev.ordino.catalog;

/** A category with the number of active offerings in it. */
public record CategorySummary(long id, String name, String slug, Platform platform, int sortOrder, boolean active,
                              long productCount) {
}
