package org.custody.photo;

/** A rectangle of a picture in pixels of the stored image: top-left corner, width and height. */
public record Region(int x, int y, int w, int h) {}
