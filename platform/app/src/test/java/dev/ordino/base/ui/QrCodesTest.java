package dev.ordino.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void aQrisStringComesBackFromTheImageAPhoneWouldScan() throws Exception {
        String qris = "00020101021226620014COM.GO-JEK.WWW01189360091433001234560210G3001234560303UMI51440014ID.CO.QRIS.WWW0215ID10200000000000303UMI5204581253033605405100005802ID5913Ordino Store6007Jakarta61051234062070703A0163047B2C";
        var image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(qris, 240)));
        assertThat(image.getWidth()).isEqualTo(240);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(qris);
    }
}
