package io.serviceproof.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

/** The code printed in reports reads back as the address it was made from. */
class QrCodesTests {

    @Test
    void theCodeDecodesToTheVerificationAddress() throws Exception {
        String url = "https://serviceproof.example/verify?credential=demo/5f0c6a1e-2b7d-4c1e-9f3a-0d8e7b6a5c4d";
        BitMatrix matrix = QrCodes.matrix(url);
        int scale = 4;
        int size = matrix.getWidth() * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels[y * size + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels))))
                .getText();
        assertThat(decoded).isEqualTo(url);
        assertThat(QrCodes.pdfImage(url, 96).getScaledWidth()).isEqualTo(96f);
    }
}
