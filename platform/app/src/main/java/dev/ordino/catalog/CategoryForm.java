package dev.ordino.catalog;

/** What staff edit on a category; {@code id} is null for a new one. */
public record CategoryForm(Long id, String name, String slug, Platform platform, int sortOrder, boolean active) {
}
