package org.custody.cli;

/**
 * The command line itself is wrong in a way picocli cannot see (two options that exclude each other, a
 * value out of range): exits 2 like picocli's own usage errors (see {@link ExitCodes}).
 */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
