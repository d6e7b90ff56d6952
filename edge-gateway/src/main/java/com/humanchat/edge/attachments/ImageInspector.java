package com.humanchat.edge.attachments;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an uploaded image with {@code javax.imageio}: its pixel size (so a thread reserves its place before it loads)
 * and a JPEG thumbnail at most {@value #THUMBNAIL_EDGE} pixels on its longer side. Bytes that do not decode as the
 * declared format are not an image, whatever their name says.
 */
public final class ImageInspector {

    /** The formats javax.imageio decodes without plug-ins. */
    public static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif");

    static final int THUMBNAIL_EDGE = 480;

    /** Refused before decoding: a small file can claim a huge canvas. */
    private static final long MAX_PIXELS = 50_000_000L;

    /** What the image is. */
    public record Inspected(int width, int height, byte[] thumbnailJpeg) {}

    private ImageInspector() {}

    /** The image's size and thumbnail, or empty when the bytes are not an image of {@code contentType}. */
    public static Optional<Inspected> inspect(byte[] bytes, String contentType) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
            if (input == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                BufferedImage image = reader.read(0);
                return Optional.of(new Inspected(width, height, thumbnail(image)));
            } catch (IOException | RuntimeException notThisFormat) {
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] thumbnail(BufferedImage image) throws IOException {
        double scale = Math.min(1.0, (double) THUMBNAIL_EDGE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE); // transparent pixels become white, not black, in a JPEG
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(small, "jpeg", jpeg);
        return jpeg.toByteArray();
    }
}
