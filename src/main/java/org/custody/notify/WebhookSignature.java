package org.custody.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures for webhook bodies. The signed message is {@code timestamp + "." + body}
 * (timestamp in Unix seconds, sent in {@value #TIMESTAMP_HEADER}), so a captured request cannot be
 * replayed later with a new timestamp. The signature is sent as {@code sha256=<hex>} in
 * {@value #SIGNATURE_HEADER}. Receivers recompute it and compare in constant time ({@link #verify}).
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Custody-Signature";
    public static final String TIMESTAMP_HEADER = "X-Custody-Timestamp";
    public static final String EVENT_HEADER = "X-Custody-Event";
    public static final String DELIVERY_HEADER = "X-Custody-Delivery";

    private WebhookSignature() {}

    public static String sign(byte[] secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body.getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code signature} is the signature of {@code body} at {@code timestamp}, and the timestamp is
     * within {@code toleranceSeconds} of {@code nowSeconds}.
     */
    public static boolean verify(byte[] secret, String timestampHeader, String signature, String body,
                                 long nowSeconds, long toleranceSeconds) {
        if (timestampHeader == null || signature == null) return false;
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
