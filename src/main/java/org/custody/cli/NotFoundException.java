package org.custody.cli;

/**
 * The thing a command was asked about is not recorded (a serial, a case, a unit, a request). The one
 * exception every command throws for it, so that "not found" exits 1 everywhere (see {@link ExitCodes}).
 */
final class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
