package dev.ordino.base.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.vaadin.flow.component.html.Image;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/** QR codes as PNG: QRIS payment strings, booking codes. */
public final class QrCodes {

    private QrCodes() {
    }

    /** The code as an image of {@code size} pixels, inline, so it needs no address of its own. */
    public static Image image(String text, int size, String alt) {
        var image = new Image("data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png(text, size)), alt);
        image.setWidth(size + "px");
        image.getStyle().set("max-width", "100%");
        return image;
    }

    /** The code as a PNG of {@code size} pixels square. */
    public static byte[] png(String text, int size) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(EncodeHintType.MARGIN, 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode this text as a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
