package com.mindroom.admin.totp;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enrolment QR code holds the otpauth URI (read back with ZXing's own decoder) and is
 * plain SVG without inline styles or scripts.
 */
class QrCodeTests {

	private static final String URI = "otpauth://totp/MindRoom%20Admin:ops%40example.com?secret=GEZDGNBVGY3TQOJQ";

	@Test
	void encodesTheUriSoAScannerReadsItBack() throws Exception {
		BitMatrix matrix = QrCode.encode(URI);
		int scale = 4;
		int size = matrix.getWidth() * scale;
		int[] pixels = new int[size * size];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				pixels[y * size + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
			}
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
		assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(URI);
	}

	@Test
	void drawsSvgWithoutStyleOrScript() {
		String svg = QrCode.svg(URI, 200);
		assertThat(svg).startsWith("<svg").contains("width=\"200\"").contains("<path").endsWith("</svg>");
		assertThat(svg).doesNotContain("style=").doesNotContain("<script");
	}

}
