package org.custody.ledger;

import java.util.Locale;

/** The lookup form of a serial number: upper-case letters and digits only ("ab-123 45" -> "AB12345"). */
public final class SerialKey {

    private SerialKey() {}

    public static String of(String serial) {
        StringBuilder sb = new StringBuilder(serial.length());
        for (int i = 0; i < serial.length(); i++) {
            char ch = serial.charAt(i);
            if (ch >= 'a' && ch <= 'z') sb.append((char) (ch - 32));
            else if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) sb.append(ch);
            else if (Character.isLetterOrDigit(ch)) sb.append(String.valueOf(ch).toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
