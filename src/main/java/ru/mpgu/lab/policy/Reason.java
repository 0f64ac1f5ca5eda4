package ru.mpgu.lab.policy;

/**
 * One thing the policy refuses: where (a service, or null for the file as a whole), which key, and why (Russian).
 * {@code kind} says whether it is a security refusal or a file compose cannot read.
 */
public record Reason(Kind kind, String service, String key, String why) {

    public enum Kind {
        /** Not in the allow-list, or a path that leads out of the repository. */
        REFUSED,
        /** The compose file cannot be read at all (YAML error): the student's mistake, not an attack. */
        UNREADABLE
    }

    /** Prefix of a key that is a file of the repository rather than a compose key. */
    static final String FILE = "файл ";

    static Reason file(String relative, String why) {
        return new Reason(Kind.REFUSED, null, FILE + relative, why);
    }

    static Reason refused(String service, String key, String why) {
        return new Reason(Kind.REFUSED, service, key, why);
    }

    @Override
    public String toString() {
        String where = service == null ? "" : "сервис " + service + ", ";
        String what = key == null || key.isEmpty() ? "" : key.startsWith(FILE) ? key + ": " : "ключ " + key + ": ";
        return where + what + why;
    }
}
