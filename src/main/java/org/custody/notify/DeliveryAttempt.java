package org.custody.notify;

import java.time.Instant;

/**
 * One try at delivering a notification: when, the HTTP status (0 when no response came), the error in
 * words when it failed, and whether it was accepted (2xx).
 */
public record DeliveryAttempt(String deliveryId, String eventType, String url, int attempt, Instant at, int status,
                              String error, boolean delivered) {}
