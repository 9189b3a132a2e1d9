package kz.oqytu.surveys.domain;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.stereotype.Component;

import kz.oqytu.surveys.QrCodes;

/**
 * zxing QR codes with error correction level Q (about a quarter of the code may be smudged, folded
 * or glared on a screen) and a four-module quiet zone. PNGs are kept in a bounded cache read without locks.
 */
@Component
class ZxingQrCodes implements QrCodes {

	private static final int CACHE_ENTRIES = 500;

	static {
		// ImageIO buffers every written image in a temporary file unless told not to: a first QR code
		// took several times longer for the disk round trip than for drawing it.
		javax.imageio.ImageIO.setUseCache(false);
	}

	private final kz.oqytu.shared.BoundedCache<String, byte[]> cache = new kz.oqytu.shared.BoundedCache<>(CACHE_ENTRIES);

	@Override
	public byte[] png(String text, int size) {
		int bounded = QrCodes.boundedSize(size);
		return cache.get(bounded + "|" + text, key -> render(text, bounded));
	}

	private static byte[] render(String text, int size) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			if (!javax.imageio.ImageIO.write(image(matrix(text, size)), "PNG", out)) {
				throw new IllegalStateException("no PNG writer");
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The same one-bit black-on-white image as zxing's {@code MatrixToImageWriter} (index 0 black, 1
	 * white), with its bits written straight into the raster: the writer set each pixel through
	 * {@code BufferedImage.setRGB}, a colour-model lookup per pixel, which was more than half of a first
	 * QR code's time (issue #17, S6-first). {@code ZxingQrCodesTests} checks the PNG bytes are the same.
	 */
	static BufferedImage image(BitMatrix matrix) {
		int width = matrix.getWidth();
		int height = matrix.getHeight();
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
		byte[] bits = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		int stride = (width + 7) / 8;
		for (int y = 0; y < height; y++) {
			int row = y * stride;
			for (int x = 0; x < width; x++) {
				if (!matrix.get(x, y)) {
					bits[row + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
				}
			}
		}
		return image;
	}

	@Override
	public String svg(String text) {
		BitMatrix m = matrix(text, 0);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < m.getHeight(); y++) {
			for (int x = 0; x < m.getWidth(); x++) {
				if (m.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
				+ path + "\"/></svg>";
	}

	/**
	 * The code for the text, checked by reading it back: about one address in 170 came out with a
	 * symbol that zxing's own detector could not find (data modules forming finder-like patterns
	 * under the mask the encoder chose). Then the other masks are tried, in order, until the symbol
	 * reads back; the check runs once per image (the PNGs are cached).
	 */
	static BitMatrix matrix(String text, int size) {
		int probeSize = size > 0 ? size : QrCodes.DEFAULT_SIZE;
		BitMatrix chosen = encode(text, probeSize, null);
		Integer mask = null;
		if (!readsBack(chosen, text)) {
			for (int m = 0; m < 8; m++) {
				BitMatrix other = encode(text, probeSize, m);
				if (readsBack(other, text)) {
					chosen = other;
					mask = m;
					break;
				}
			}
		}
		return size == probeSize ? chosen : encode(text, size, mask);
	}

	private static BitMatrix encode(String text, int size, Integer mask) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q);
		hints.put(EncodeHintType.MARGIN, 4);
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		if (mask != null) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
		}
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", ex);
		}
	}

	/**
	 * Whether zxing's detector finds and reads the symbol as drawn. The drawn image is exactly black
	 * and white, so it goes to the detector as it is (a binarizer returning the matrix itself), not
	 * through an image and a thresholding pass: the check costs a fraction of drawing the PNG.
	 */
	private static boolean readsBack(BitMatrix matrix, String text) {
		com.google.zxing.LuminanceSource shape = new com.google.zxing.LuminanceSource(matrix.getWidth(), matrix.getHeight()) {
			@Override
			public byte[] getRow(int y, byte[] row) {
				throw new UnsupportedOperationException("read from the matrix");
			}

			@Override
			public byte[] getMatrix() {
				throw new UnsupportedOperationException("read from the matrix");
			}
		};
		com.google.zxing.Binarizer exact = new com.google.zxing.Binarizer(shape) {
			@Override
			public com.google.zxing.common.BitArray getBlackRow(int y, com.google.zxing.common.BitArray row) {
				return matrix.getRow(y, row);
			}

			@Override
			public BitMatrix getBlackMatrix() {
				return matrix;
			}

			@Override
			public com.google.zxing.Binarizer createBinarizer(com.google.zxing.LuminanceSource source) {
				return this;
			}
		};
		try {
			return text.equals(new com.google.zxing.qrcode.QRCodeReader()
				.decode(new com.google.zxing.BinaryBitmap(exact))
				.getText());
		}
		catch (com.google.zxing.ReaderException ex) {
			return false;
		}
	}


}
