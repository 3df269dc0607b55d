package org.custody.lists.download;

/** Byte progress of a download, for a progress bar (the CLI draws one on standard error). */
public interface Progress {

    /** A file starts; {@code totalBytes} is -1 when the server does not say. */
    void start(String label, long totalBytes);

    void advance(long bytes);

    void finish();

    Progress NONE = new Progress() {
        public void start(String label, long totalBytes) {}

        public void advance(long bytes) {}

        public void finish() {}
    };
}
