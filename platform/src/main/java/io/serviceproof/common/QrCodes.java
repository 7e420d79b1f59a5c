package io.serviceproof.common;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import java.util.Map;

/** QR codes for printed reports: a link a reader's phone opens, drawn as a 1-bit PDF image. */
public final class QrCodes {

    private QrCodes() {}

    /** The QR code of {@code text} with a quiet zone, one image pixel per module. */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /** As a PDF image, {@code size} points square. */
    public static Image pdfImage(String text, float size) {
        BitMatrix matrix = matrix(text);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        int rowBytes = (width + 7) / 8;
        byte[] data = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // DeviceGray at one bit per pixel: 1 is white, 0 is a dark module.
                if (!matrix.get(x, y)) {
                    data[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        try {
            Image image = Image.getInstance(width, height, 1, 1, data);
            image.scaleAbsolute(size, size);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException("a QR image we built is not a valid PDF image", e);
        }
    }
}
