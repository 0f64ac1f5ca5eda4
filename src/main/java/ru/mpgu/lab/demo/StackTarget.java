package ru.mpgu.lab.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import ru.mpgu.lab.stack.LabStack;

/** The lab's compose stack, booted by the demo on free ports and always torn down by {@link #close()}. */
public final class StackTarget implements DemoTarget {

    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    static final Duration SCALE_TIMEOUT = Duration.ofSeconds(90);

    private final LabStack stack;
    private final String path;

    private StackTarget(LabStack stack, String path) {
        this.stack = stack;
        this.path = path;
    }

    /** Boots the stack in {@code repo}; on failure the stack is already torn down when this throws. */
    public static StackTarget boot(Path repo, String path, Consumer<String> progress) {
        LabStack stack = new LabStack(repo, BOOT_TIMEOUT, progress);
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return new StackTarget(stack, path);
    }

    @Override
    public URI url() {
        return stack.httpUrl().resolve(path);
    }

    @Override
    public void scaleWeb(int replicas) {
        stack.scaleWeb(replicas, SCALE_TIMEOUT);
    }

    @Override
    public String describe() {
        return "стенд из docker-compose.yml, запущенный демо: " + url();
    }

    @Override
    public void close() {
        stack.close();
    }
}
