package dev.ordino.reseller;

import dev.ordino.base.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** The client addresses a key may be used from (single addresses or CIDR ranges); empty allows every address. */
public record AllowedAddresses(List<String> entries, List<IpAddressMatcher> matchers) {

    /** Digits, dots, colons and hex only: a host name is never looked up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}(/[0-9]{1,3})?");

    public static AllowedAddresses parse(List<String> values, int max) {
        List<String> entries = new ArrayList<>();
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String entry = value == null ? "" : value.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (!LITERAL.matcher(entry).matches()) {
                throw invalid(entry);
            }
            try {
                matchers.add(new IpAddressMatcher(entry));
            } catch (IllegalArgumentException e) {
                throw invalid(entry);
            }
            entries.add(entry);
        }
        if (entries.size() > max) {
            throw DomainException.badRequest("too_many_addresses", "allowedIps", "At most " + max + " addresses", max);
        }
        return new AllowedAddresses(List.copyOf(entries), List.copyOf(matchers));
    }

    private static DomainException invalid(String entry) {
        return DomainException.badRequest("invalid_address", "allowedIps",
                "Enter IP addresses or ranges such as 203.0.113.7 or 203.0.113.0/24: " + entry, entry);
    }

    public boolean allows(String address) {
        return matchers.isEmpty() || matchers.stream().anyMatch(m -> m.matches(address));
    }

    /** How the entries are stored: comma-separated, null for none. */
    String text() {
        return entries.isEmpty() ? null : String.join(",", entries);
    }
}
