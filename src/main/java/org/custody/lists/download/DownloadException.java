package org.custody.lists.download;

/** A download that failed: the URL and why. Nothing fetched in the same update is imported. */
public final class DownloadException extends RuntimeException {

    private final String url;

    public DownloadException(String url, String reason, Throwable cause) {
        super(url + ": " + reason, cause);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
