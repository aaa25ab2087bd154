package org.vitrine.it.onshape;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

/**
 * Real, small PNG images: one per document (or element) and size, each different, so a test can tell which
 * image ended up where. Drawn pixel by pixel, so no display or font is needed.
 */
final class Thumbnails {

    /** The sizes Onshape renders, as {@code widthxheight}. */
    static final List<String> SIZES = List.of("300x170", "600x340", "70x40", "300x300");

    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();

    static boolean known(String size) {
        return SIZES.contains(size);
    }

    /** The image of {@code subject} (a document or element id) at {@code size}, one of {@link #SIZES}. */
    byte[] png(String subject, String size) {
        return rendered.computeIfAbsent(subject + "/" + size, key -> draw(subject, size)).clone();
    }

    private static byte[] draw(String subject, String size) {
        String[] parts = size.split("x");
        int width = Integer.parseInt(parts[0]);
        int height = Integer.parseInt(parts[1]);
        int seed = subject.hashCode();
        int background = 0xF0F0F0 ^ (seed & 0x0F0F0F);
        int ink = 0x204060 + (seed >>> 8 & 0x3F3F3F);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int band = Math.max(2, height / 10);
        int offset = Math.floorMod(seed, Math.max(1, width / 2));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean frame = x < 2 || y < 2 || x >= width - 2 || y >= height - 2;
                boolean stripe = Math.floorMod(x + y + offset, band * 4) < band;
                image.setRGB(x, y, frame || stripe ? ink : background);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
