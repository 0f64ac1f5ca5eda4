package ru.mpgu.lab.grading;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;
import ru.mpgu.lab.facts.StackFacts;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.stack.StackException;

/**
 * Gives task tests the shared {@link LabRun} and their {@link Check} (found from {@link RubricCheck}, so a
 * check id is written once), and turns each test's result into the outcome of its check: an explicit verdict
 * if the test gave one, else pass, fail, or "not the student's fault". The outcome is published as a report
 * entry for {@link LabReportListener}. A live check whose result is already in the run's stack facts is not
 * run again: its recorded outcome is replayed.
 */
public final class GradingExtension implements ParameterResolver, BeforeTestExecutionCallback,
        AfterTestExecutionCallback, InvocationInterceptor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GradingExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LabRun.class || type == Check.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LabRun run = run(context);
        if (parameter.getParameter().getType() == LabRun.class) {
            return run;
        }
        String id = checkId(context).orElseThrow(() -> new ParameterResolutionException(
                "a Check parameter needs @RubricCheck on " + context.getRequiredTestMethod()));
        return run.check(id);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        checkId(context).ifPresent(id -> {
            LabRun run = run(context);
            run.beginCheck(id);
            run.progress("проверка " + id + ": " + context.getDisplayName());
        });
    }

    /** Replays a live check from the stack facts: the test body (which would boot the stack) does not run. */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        Optional<String> id = checkId(context);
        Optional<StackFacts> facts = run(context).facts();
        Optional<CheckOutcome> replayed = id.flatMap(i -> facts.flatMap(f -> f.outcome(i)));
        if (replayed.isEmpty()) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        Verdicts.expect(run(context), replayed.get());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Optional<String> id = checkId(context);
        if (id.isEmpty()) {
            return;
        }
        LabRun run = run(context);
        CheckOutcome outcome = run.endCheck().orElseGet(() -> outcomeOf(id.get(), context.getExecutionException()));
        if (run.isLive(id.get())) {
            run.liveOutcome(outcome);
        }
        context.publishReportEntry(RunEvents.outcome(outcome));
    }

    static CheckOutcome outcomeOf(String id, Optional<Throwable> failure) {
        if (failure.isEmpty()) {
            return CheckOutcome.passed(id, "выполнено");
        }
        Throwable error = failure.get();
        if (error instanceof StackException stackError) {
            return stackError.kind().infrastructure()
                    ? CheckOutcome.infra(id, stackError.getMessage())
                    : CheckOutcome.failed(id, stackError.kind(), "стенд не работает: " + stackError.getMessage());
        }
        if (error instanceof TestAbortedException) {
            return CheckOutcome.notRun(id, error.getMessage());
        }
        if (error instanceof AssertionError) {
            return CheckOutcome.failed(id, String.valueOf(error.getMessage()).trim());
        }
        return CheckOutcome.infra(id, "внутренняя ошибка проверки (" + error.getClass().getSimpleName() + ": "
                + error.getMessage() + "); это не ошибка студента, сообщите преподавателю");
    }

    static Optional<String> checkId(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getAnnotation(RubricCheck.class)).map(RubricCheck::value);
    }

    /**
     * The run of this engine execution, kept in the root context's store: made on first use, closed by JUnit
     * when the engine finishes (stack stopped, timings published), like {@code @TempDir}'s directories.
     */
    static LabRun run(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(LabRun.class, key -> {
            LabRun run = new LabRun(GradingConfig.from(root::getConfigurationParameter), root::publishReportEntry);
            run.progress("проверяю " + run.repo());
            if (!java.nio.file.Files.isDirectory(run.repo())) {
                run.notice("папки " + run.repo() + " нет: проверьте путь в -Dlab.repo / --repo");
            }
            IntegrityWarning.check(run);
            run.facts().ifPresent(f -> {
                run.notice(f.describe());
                f.measurements().forEach(run::measured);
                f.attachments().forEach(run::attach);
            });
            return run;
        }, LabRun.class);
    }
}
