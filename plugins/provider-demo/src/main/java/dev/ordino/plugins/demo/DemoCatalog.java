package dev.ordino.plugins.demo;

import dev.ordino.plugin.api.ProviderService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The demo provider's fixed service list: ids never change, so imported services stay linked. */
final class DemoCatalog {

    static final String CUSTOM_COMMENTS = "Custom Comments";

    private static final List<ProviderService> SERVICES = List.of(
            s("101", "Instagram Followers", "Instagram Followers [Real Mixed] [Refill 30 days]", "3.20", 50, 50_000, true, true, false),
            s("102", "Instagram Followers", "Instagram Followers [HQ] [No refill]", "1.45", 100, 100_000, false, true, false),
            s("103", "Instagram Followers", "Instagram Followers [Targeted USA]", "9.80", 100, 10_000, true, false, false),
            s("104", "Instagram Followers", "Instagram Followers [Budget] [Fast start]", "0.55", 100, 200_000, false, false, false),
            s("111", "Instagram Likes", "Instagram Likes [Real] [Instant]", "0.35", 20, 50_000, false, true, true),
            s("112", "Instagram Likes", "Instagram Likes [Power] [Refill 30 days]", "0.60", 50, 100_000, true, true, true),
            s("113", "Instagram Likes", "Instagram Likes [Budget]", "0.08", 50, 300_000, false, false, true),
            s("121", "Instagram Views", "Instagram Reel Views [Instant]", "0.05", 100, 10_000_000, false, false, true),
            s("122", "Instagram Views", "Instagram Story Views [All stories]", "0.40", 100, 50_000, false, false, false),
            s("131", "Instagram Comments", "Instagram Custom Comments [Real profiles]", "12.00", 5, 1_000, false, false, false, CUSTOM_COMMENTS),
            s("132", "Instagram Comments", "Instagram Random Emoji Comments", "4.50", 10, 5_000, false, false, false),
            s("201", "TikTok Followers", "TikTok Followers [Real] [Refill 30 days]", "4.10", 100, 50_000, true, true, false),
            s("202", "TikTok Followers", "TikTok Followers [Budget]", "1.90", 100, 100_000, false, false, false),
            s("211", "TikTok Likes", "TikTok Likes [Instant]", "0.45", 50, 100_000, false, true, true),
            s("212", "TikTok Likes", "TikTok Likes [Refill 30 days]", "0.85", 100, 200_000, true, true, true),
            s("221", "TikTok Views", "TikTok Video Views [Instant]", "0.05", 100, 50_000_000, false, false, true),
            s("222", "TikTok Views", "TikTok Live Stream Views [30 minutes]", "6.50", 50, 5_000, false, false, false),
            s("231", "TikTok Comments", "TikTok Custom Comments", "14.00", 5, 1_000, false, false, false, CUSTOM_COMMENTS),
            s("232", "TikTok Shares", "TikTok Shares", "0.70", 100, 100_000, false, false, true),
            s("301", "YouTube Subscribers", "YouTube Subscribers [Refill 30 days]", "14.50", 50, 10_000, true, false, false),
            s("302", "YouTube Subscribers", "YouTube Subscribers [Slow] [Lifetime refill]", "11.90", 100, 20_000, true, false, false),
            s("311", "YouTube Views", "YouTube Views [High retention]", "2.80", 500, 1_000_000, true, true, true),
            s("312", "YouTube Views", "YouTube Views [Suggested] [Non drop]", "3.40", 1_000, 500_000, true, false, true),
            s("313", "YouTube Views", "YouTube Shorts Views", "1.20", 100, 1_000_000, false, true, true),
            s("321", "YouTube Likes", "YouTube Likes [Refill 30 days]", "1.60", 50, 50_000, true, true, false),
            s("331", "YouTube Comments", "YouTube Custom Comments", "15.00", 5, 500, false, false, false, CUSTOM_COMMENTS),
            s("341", "YouTube Watch Time", "YouTube Watch Hours [60 min videos]", "9.50", 100, 4_000, false, false, false),
            s("401", "Facebook Page Likes", "Facebook Page Likes + Followers", "3.90", 100, 50_000, true, true, false),
            s("402", "Facebook Followers", "Facebook Profile Followers", "2.70", 100, 100_000, true, false, false),
            s("411", "Facebook Post Likes", "Facebook Post Likes [Mixed reactions]", "1.10", 50, 20_000, false, true, false),
            s("421", "Facebook Video Views", "Facebook Video Views [3 sec]", "0.30", 500, 5_000_000, false, false, true),
            s("431", "Facebook Comments", "Facebook Custom Comments", "13.00", 5, 1_000, false, false, false, CUSTOM_COMMENTS),
            s("501", "X (Twitter) Followers", "X Followers [Real] [Refill 30 days]", "6.80", 100, 20_000, true, true, false),
            s("502", "X (Twitter) Followers", "X Followers [Budget]", "2.40", 100, 50_000, false, false, false),
            s("511", "X (Twitter) Likes", "X Likes", "1.30", 20, 20_000, false, true, true),
            s("521", "X (Twitter) Retweets", "X Retweets", "1.80", 20, 10_000, false, true, true),
            s("531", "X (Twitter) Views", "X Tweet Views [Instant]", "0.06", 500, 10_000_000, false, false, true),
            s("601", "Telegram Members", "Telegram Channel Members [Refill 30 days]", "1.70", 100, 100_000, true, true, false),
            s("602", "Telegram Members", "Telegram Group Members [Real looking]", "2.90", 100, 50_000, true, false, false),
            s("603", "Telegram Members", "Telegram Channel Members [Budget]", "0.75", 500, 200_000, false, false, false),
            s("611", "Telegram Post Views", "Telegram Post Views [Last 1 post]", "0.05", 100, 1_000_000, false, false, true),
            s("612", "Telegram Post Views", "Telegram Post Views [Last 10 posts]", "0.25", 100, 500_000, false, false, false),
            s("621", "Telegram Reactions", "Telegram Positive Reactions [Mixed]", "0.40", 20, 100_000, false, false, true),
            s("701", "Spotify Plays", "Spotify Plays [Premium] [Lifetime]", "0.95", 1_000, 10_000_000, true, false, true),
            s("702", "Spotify Plays", "Spotify Plays [Free accounts]", "0.60", 1_000, 10_000_000, false, false, true),
            s("711", "Spotify Followers", "Spotify Artist Followers", "1.50", 100, 100_000, true, true, false),
            s("712", "Spotify Followers", "Spotify Playlist Followers", "1.25", 100, 100_000, true, true, false),
            s("721", "Spotify Monthly Listeners", "Spotify Monthly Listeners [USA]", "4.90", 500, 100_000, false, false, false),
            s("731", "Spotify Saves", "Spotify Track Saves", "1.10", 100, 50_000, false, false, true));

    private static final Map<String, ProviderService> BY_ID = SERVICES.stream()
            .collect(Collectors.toUnmodifiableMap(ProviderService::id, Function.identity()));

    private DemoCatalog() {
    }

    static List<ProviderService> services() {
        return SERVICES;
    }

    static Optional<ProviderService> service(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    private static ProviderService s(String id, String category, String name, String rate, long min, long max,
                                     boolean refill, boolean cancel, boolean dripfeed) {
        return s(id, category, name, rate, min, max, refill, cancel, dripfeed, "Default");
    }

    private static ProviderService s(String id, String category, String name, String rate, long min, long max,
                                     boolean refill, boolean cancel, boolean dripfeed, String type) {
        return new ProviderService(id, name, category, type, new BigDecimal(rate), min, max, refill, cancel, dripfeed);
    }
}
