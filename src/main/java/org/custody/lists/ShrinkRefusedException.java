package org.custody.lists;

/** A list import refused by the {@link ShrinkGuard}: nothing was imported, the current versions stay. */
public final class ShrinkRefusedException extends RuntimeException {
    private final String listId;

    public ShrinkRefusedException(String listId, String message) {
        super(message);
        this.listId = listId;
    }

    public String listId() {
        return listId;
    }
}
