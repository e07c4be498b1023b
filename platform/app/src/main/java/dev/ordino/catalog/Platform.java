package dev.ordino.catalog;

import dev.ordino.base.DomainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The social platform of a category. An SMM order's link must point at that platform, so a
 * TikTok follower order cannot be spent on an Instagram profile by a typo.
 */
public enum Platform {
    TIKTOK(List.of("tiktok.com")),
    INSTAGRAM(List.of("instagram.com", "instagr.am")),
    YOUTUBE(List.of("youtube.com", "youtu.be")),
    FACEBOOK(List.of("facebook.com", "fb.com", "fb.watch")),
    TELEGRAM(List.of("t.me", "telegram.me", "telegram.org")),
    TWITTER(List.of("twitter.com", "x.com")),
    OTHER(List.of());

    private final List<String> hosts;

    Platform(List<String> hosts) {
        this.hosts = hosts;
    }

    /** The platform a provider's category name speaks of ("Instagram Followers [HQ]"), or OTHER. */
    public static Platform guess(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (lower.contains("tiktok") || lower.contains("tik tok")) {
            return TIKTOK;
        }
        if (lower.contains("instagram") || lower.startsWith("ig ")) {
            return INSTAGRAM;
        }
        if (lower.contains("youtube")) {
            return YOUTUBE;
        }
        if (lower.contains("facebook")) {
            return FACEBOOK;
        }
        if (lower.contains("telegram")) {
            return TELEGRAM;
        }
        if (lower.contains("twitter") || lower.matches("^x\\b.*") || lower.contains(" x ")) {
            return TWITTER;
        }
        return OTHER;
    }

    /** Whether the link is an http(s) address on this platform (any address for OTHER). */
    public boolean accepts(String link) {
        if (link == null || link.isBlank() || link.length() > 500 || link.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || host.isEmpty()) {
                return false;
            }
            return hosts.isEmpty() || hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The platform named by its key ({@code tiktok}); OTHER when none is given. */
    public static Platform parse(String value) {
        if (value == null || value.isBlank()) {
            return OTHER;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("invalid_platform", "platform",
                    "platform must be one of tiktok, instagram, youtube, facebook, telegram, twitter, other");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
