package org.hospital.server.printing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The one place that turns text into a printed code: QR codes for forms and phones, Code 128 for the
 * labels and wristbands that a desk's scanner reads. Images are drawn module by module at a whole-number
 * scale, so that no printer or PDF viewer has to interpolate a bar edge.
 */
public final class Barcodes {
  private Barcodes() {}

  /** A QR code with medium error correction, each module {@code scale} pixels wide. */
  public static BufferedImage qr(String text, int scale, int quietModules) {
    try {
      BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, quietModules));
      return image(m, scale, scale);
    } catch (WriterException e) {
      throw new IllegalStateException("cannot make the QR code", e);
    }
  }

  /**
   * A Code 128 barcode of {@code text}, each narrow bar {@code scale} pixels wide and the bars {@code height}
   * pixels tall, with the standard quiet zone of ten modules either side.
   */
  public static BufferedImage code128(String text, int scale, int height) {
    BitMatrix m = new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 1,
        Map.of(EncodeHintType.MARGIN, 10));
    return image(m, scale, height);
  }

  /** The image as PNG bytes, for answers that carry a picture rather than a page. */
  public static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage image(BitMatrix m, int xScale, int yScale) {
    int rows = m.getHeight();
    int height = rows == 1 ? yScale : rows * yScale;
    BufferedImage img = new BufferedImage(m.getWidth() * xScale, height, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < height; y++) {
      int row = rows == 1 ? 0 : y / yScale;
      for (int x = 0; x < img.getWidth(); x++) {
        img.setRGB(x, y, m.get(x / xScale, row) ? 0x000000 : 0xFFFFFF);
      }
    }
    return img;
  }
}
