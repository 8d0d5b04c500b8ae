package org.hospital.server.lab;

import com.google.zxing.LuminanceSource;
import java.awt.image.BufferedImage;

/** The grey levels of an image for zxing's readers (zxing's own adapter lives in a module we do not ship). */
final class ImageLuminance extends LuminanceSource {

  private final byte[] grey;

  ImageLuminance(BufferedImage image) {
    super(image.getWidth(), image.getHeight());
    grey = new byte[image.getWidth() * image.getHeight()];
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        grey[y * image.getWidth() + x] = (byte) ((r * 299 + g * 587 + b * 114) / 1000);
      }
    }
  }

  @Override
  public byte[] getRow(int y, byte[] row) {
    byte[] out = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
    System.arraycopy(grey, y * getWidth(), out, 0, getWidth());
    return out;
  }

  @Override
  public byte[] getMatrix() {
    return grey;
  }
}
