package kz.oqytu.materials;

import org.springframework.core.io.Resource;

/**
 * A version's file ready to send: a safe file name (the original one, cleaned, with the extension
 * of the detected type), its type, size and SHA-256, and content that is read from the database in
 * chunks while it is written out, never whole into memory.
 */
public record MaterialDownload(String filename, FileType fileType, long size, String sha256, Resource content) {
}
