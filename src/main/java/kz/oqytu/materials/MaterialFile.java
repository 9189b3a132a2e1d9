package kz.oqytu.materials;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;

/**
 * An uploaded file: the name it came with (kept for the record, never trusted for its type), the
 * size its sender declared (-1 when unknown) and its content, which the service reads more than
 * once and never whole into memory (an upload's {@code MultipartFile} is one).
 */
public record MaterialFile(String originalFilename, long declaredSize, InputStreamSource content) {

	public static MaterialFile of(String originalFilename, byte[] bytes) {
		return new MaterialFile(originalFilename, bytes.length, new ByteArrayResource(bytes));
	}

	public boolean isEmpty() {
		return content == null || declaredSize == 0;
	}
}
