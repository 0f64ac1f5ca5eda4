package ru.mpgu.lab.docs;

/** One shell command as the README or a task sheet prints it, and where. */
public record DocCommand(String text, Shell shell, String file, int line) {

    /** Which shell the reader is told to type it into. */
    public enum Shell {
        POSIX, POWERSHELL
    }

    public String where() {
        return file + ":" + line;
    }
}
