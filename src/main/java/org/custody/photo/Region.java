package org.custody.photo;

/** A rectangle of an image in pixels: left, top, width, height. */
public record Region(int x, int y, int w, int h) {}
