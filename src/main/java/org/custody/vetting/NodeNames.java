package org.custody.vetting;

/**
 * How a node is named to people: by its public code where it has one ({@code unit:IQ-9AD},
 * {@code person:P-0001}), so that every sentence vetting writes names the node the way the user typed
 * it. {@link #IDS} names by internal id ({@code unit:3}) for callers that know no codes.
 */
@FunctionalInterface
public interface NodeNames {

    String name(NodeRef ref);

    /** Internal ids ({@code unit:3}): what {@link NodeRef#key()} prints. */
    NodeNames IDS = NodeRef::key;

    default String person(long personId) {
        return name(new NodeRef.Person(personId));
    }
}
