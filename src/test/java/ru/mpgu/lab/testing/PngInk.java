package ru.mpgu.lab.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.stream.IntStream;

/** Measures how much is drawn on a rendered chart, to tell a real chart from a blank one. */
public final class PngInk {

    private PngInk() {
    }

    public static long distinctColours(BufferedImage image) {
        return IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().count();
    }

    public static double nonWhiteShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / (image.getWidth() * image.getHeight());
    }

    /** Pixels of exactly this colour (series lines are drawn in the palette's pure colours). */
    public static long pixelsOf(BufferedImage image, Color colour) {
        long n = 0;
        int rgb = colour.getRGB() & 0xFFFFFF;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
