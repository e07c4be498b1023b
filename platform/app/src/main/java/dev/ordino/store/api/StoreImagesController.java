package dev.ordino.store.api;

import dev.ordino.store.StoreLogo;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's logo and favicon for every page, signed in or not. An SVG is served under a policy
 * that forbids script and outside loads and is never sniffed as anything else, so even an SVG
 * opened on its own cannot act on the shop's origin.
 */
@RestController
class StoreImagesController {

    static final String IMAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
    /** A neutral shopping-bag mark for shops without a logo. */
    private static final byte[] DEFAULT_ICON = ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
            + "<rect width=\"32\" height=\"32\" rx=\"7\" fill=\"#1a5fb4\"/>"
            + "<path d=\"M9 12h14l-1.2 12.5a2 2 0 0 1-2 1.5h-7.6a2 2 0 0 1-2-1.5z\" fill=\"#fff\"/>"
            + "<path d=\"M12.5 12v-1.5a3.5 3.5 0 0 1 7 0V12\" fill=\"none\" stroke=\"#fff\" stroke-width=\"2\"/></svg>")
            .getBytes(StandardCharsets.UTF_8);

    private final StoreLogo logo;

    StoreImagesController(StoreLogo logo) {
        this.logo = logo;
    }

    @GetMapping("/images/store-logo")
    ResponseEntity<byte[]> logo() {
        return logo.current().map(l -> image(l.contentType(), l.content())).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/images/favicon")
    ResponseEntity<byte[]> favicon() {
        return logo.current().map(l -> image(l.contentType(), l.content())).orElseGet(() -> image("image/svg+xml", DEFAULT_ICON));
    }

    private static ResponseEntity<byte[]> image(String type, byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .header("Content-Security-Policy", IMAGE_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
