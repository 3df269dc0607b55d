package org.custody.notify;

/** Where delivery attempts are recorded (the case store keeps them in PostgreSQL). */
@FunctionalInterface
public interface DeliveryLog {

    void record(DeliveryAttempt attempt);
}
