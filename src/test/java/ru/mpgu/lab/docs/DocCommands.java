package ru.mpgu.lab.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import ru.mpgu.lab.docs.DocCommand.Shell;

/**
 * Finds every command a reader is told to type: each line of a {@code bash}/{@code sh}/{@code powershell}
 * fenced block, and each inline code span that starts with a program the lab uses.
 */
public final class DocCommands {

    /** The documents students and teachers follow. */
    public static final List<String> DOCUMENTS = List.of("README.md", "tasks/*.md");

    private static final Set<String> POSIX_BLOCKS = Set.of("bash", "sh", "shell");
    private static final Set<String> POWERSHELL_BLOCKS = Set.of("powershell", "ps1", "cmd", "bat");
    /** An inline span is a command when its first word is one of these and it has an argument. */
    private static final Pattern INLINE_COMMAND = Pattern.compile(
            "^(?:sudo |[A-Z_]+=\\S+ |\\$env:\\S+; )?(?:docker|\\./mvnw|\\.\\\\mvnw\\.cmd|mvnw\\.cmd|bin/lab|bin\\\\lab\\.cmd"
                    + "|bash|git|curl|curl\\.exe|wrk|wsl|brew|apt|apt-get|mkdir|cd|systemctl) \\S.*");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#\\s.*$");

    private DocCommands() {
    }

    /** All commands of the lab's documents under {@code repo}, in reading order. */
    public static List<DocCommand> in(Path repo) {
        List<DocCommand> all = new ArrayList<>();
        for (Path doc : documents(repo)) {
            all.addAll(of(repo.relativize(doc).toString().replace('\\', '/'), read(doc)));
        }
        return all;
    }

    static List<Path> documents(Path repo) {
        List<Path> docs = new ArrayList<>(List.of(repo.resolve("README.md")));
        try (Stream<Path> tasks = Files.list(repo.resolve("tasks"))) {
            tasks.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** Commands of one markdown text; {@code file} only labels them. */
    static List<DocCommand> of(String file, String markdown) {
        Node document = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build()
                .parse(markdown);
        List<DocCommand> found = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                String info = block.getInfo() == null ? "" : block.getInfo().trim().toLowerCase();
                Shell shell = POSIX_BLOCKS.contains(info) ? Shell.POSIX
                        : POWERSHELL_BLOCKS.contains(info) ? Shell.POWERSHELL : null;
                if (shell != null) {
                    int first = block.getSourceSpans().get(0).getLineIndex() + 2; // 1-based, after the fence
                    blockCommands(block.getLiteral(), shell, file, first, found);
                }
            }

            @Override
            public void visit(Code code) {
                String text = normalize(code.getLiteral());
                if (INLINE_COMMAND.matcher(text).matches()) {
                    int line = code.getSourceSpans().isEmpty() ? 0 : code.getSourceSpans().get(0).getLineIndex() + 1;
                    Shell shell = text.contains("$env:") || text.contains(".cmd") || text.contains("curl.exe")
                            || text.startsWith("wsl ") ? Shell.POWERSHELL : Shell.POSIX;
                    found.add(new DocCommand(text, shell, file, line));
                }
            }
        });
        return found;
    }

    private static void blockCommands(String literal, Shell shell, String file, int firstLine, List<DocCommand> out) {
        String[] lines = literal.split("\n", -1);
        StringBuilder pending = new StringBuilder();
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (start < 0) {
                start = firstLine + i;
            }
            if (line.endsWith("\\")) { // continued on the next line
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            out.add(new DocCommand(normalize(TRAILING_COMMENT.matcher(pending).replaceFirst("")), shell, file, start));
            pending.setLength(0);
            start = -1;
        }
    }

    /** The literal text of every fenced block of {@code markdown} whose info string is {@code info}. */
    static List<String> fencedBlocks(Path markdown, String info) throws IOException {
        List<String> blocks = new ArrayList<>();
        Parser.builder().build().parse(Files.readString(markdown)).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (info.equals(block.getInfo())) {
                    blocks.add(block.getLiteral());
                }
            }
        });
        return blocks;
    }

    /** One space between words, so a command matches however it is wrapped. */
    public static String normalize(String command) {
        return command.strip().replaceAll("\\s+", " ");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
