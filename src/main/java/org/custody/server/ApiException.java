package org.custody.server;

/**
 * A request that ends in an error the client can act on. Rendered once, by {@link ServerApp}, as
 * {@code {"error": code, "detail": sentence, "field": name-or-null}} with the status.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final String field;

    public ApiException(int status, String error, String detail, String field) {
        super(detail);
        this.status = status;
        this.error = error;
        this.field = field;
    }

    public static ApiException badRequest(String detail, String field) {
        return new ApiException(400, "bad_request", detail, field);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", detail, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", detail, null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", detail, null);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }

    public String field() {
        return field;
    }

    /** The JSON body: error, detail, field. */
    public ErrorBody body() {
        return new ErrorBody(error, getMessage(), field);
    }

    public record ErrorBody(String error, String detail, String field) {}
}
