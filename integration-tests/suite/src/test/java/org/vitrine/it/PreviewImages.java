package org.vitrine.it;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

/** PNG pictures that look roughly like CAD thumbnails (shaded parts on a light background), drawn from a seed. */
final class PreviewImages {

    private PreviewImages() {
    }

    static List<byte[]> draw(int count, int width, int height, long seed) {
        System.setProperty("java.awt.headless", "true");
        Random random = new Random(seed);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(png(random, width, height));
        }
        return images;
    }

    private static byte[] png(Random random, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xF4F6F8), 0, height, new Color(0xDCE1E6)));
        g.fillRect(0, 0, width, height);
        Color part = Color.getHSBColor(random.nextFloat(), 0.25f + random.nextFloat() * 0.3f, 0.55f + random.nextFloat() * 0.3f);
        for (int shape = 0; shape < 3 + random.nextInt(5); shape++) {
            int w = width / 6 + random.nextInt(width / 2);
            int h = height / 6 + random.nextInt(height / 2);
            int x = random.nextInt(Math.max(1, width - w));
            int y = random.nextInt(Math.max(1, height - h));
            g.setPaint(new GradientPaint(x, y, part.brighter(), x + w, y + h, part.darker()));
            if (random.nextBoolean()) {
                g.fillRoundRect(x, y, w, h, w / 4, h / 4);
            } else {
                g.fillOval(x, y, w, h);
            }
            g.setColor(part.darker().darker());
            g.drawOval(x + w / 3, y + h / 3, w / 3, h / 3);
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
