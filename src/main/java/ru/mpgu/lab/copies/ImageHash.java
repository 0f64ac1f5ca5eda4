package ru.mpgu.lab.copies;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * dHash (difference hash): the picture averaged down to 9×8 grey cells, one bit per pair of horizontal neighbours
 * (is the left one brighter). Recompression, rescaling and small edits change a few bits; a different page
 * changes about half of them.
 */
public final class ImageHash {

    private ImageHash() {
    }

    public static long dHash(BufferedImage img) {
        // Box average of the grey level over each of 9×8 cells: every source pixel counts, so rescaled copies agree.
        double[] sum = new double[9 * 8];
        int[] count = new int[9 * 8];
        int w = img.getWidth();
        int h = img.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            int cy = y * 8 / h;
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                double grey = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                int cell = cy * 9 + x * 9 / w;
                sum[cell] += grey;
                count[cell]++;
            }
        }
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                double left = sum[y * 9 + x] / Math.max(1, count[y * 9 + x]);
                double right = sum[y * 9 + x + 1] / Math.max(1, count[y * 9 + x + 1]);
                hash = (hash << 1) | (left > right ? 1 : 0);
            }
        }
        return hash;
    }

    /** The hash of a PNG/JPEG file, or null when it is not a picture. */
    public static Long dHash(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            return img == null ? null : dHash(img);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
