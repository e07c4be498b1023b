package dev.ordino.base.ui;

import com.vaadin.flow.router.Location;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code continue} parameter of the sign-in and sign-up pages: where to go back to afterwards.
 * Only a path inside the shop is taken (no scheme, no host, no {@code //}), so a link cannot send a
 * customer who just signed in to another site.
 */
public final class ReturnAddress {

    public static final String PARAMETER = "continue";

    /** Letters, digits and the few characters our own addresses use; nothing that starts a scheme or host. */
    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9/_.~%=&+-]*(\\?[A-Za-z0-9/_.~%=&+-]*)?$");

    private ReturnAddress() {
    }

    /** The shop-relative path to return to ({@code s/12-tiktok-followers}), if the location names a safe one. */
    public static Optional<String> of(Location location) {
        List<String> values = location.getQueryParameters().getParameters().getOrDefault(PARAMETER, List.of());
        return values.stream().findFirst().map(String::strip).filter(ReturnAddress::safe);
    }

    static boolean safe(String path) {
        return !path.isEmpty() && path.length() <= 500 && SAFE.matcher(path).matches() && !path.contains("//")
                && !path.contains("..") && !path.startsWith("login") && !path.startsWith("register");
    }
}
