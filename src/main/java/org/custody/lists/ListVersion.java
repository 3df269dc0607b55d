package org.custody.lists;

import java.time.Instant;

/**
 * One imported version of a list. {@code contentHash} is the SHA-256 of the source files,
 * so re-importing identical files is recognised.
 */
public record ListVersion(String listId, long version, String publishedAt, Instant importedAt,
                          String contentHash, int entityCount, String source) {}
