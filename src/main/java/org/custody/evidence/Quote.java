package org.custody.evidence;

/** Quoted speech: the words inside the quotation marks, their offsets, and who the text says spoke. */
public record Quote(String text, int start, int end, String speaker) {}
