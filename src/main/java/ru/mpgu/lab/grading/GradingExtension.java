package ru.mpgu.lab.grading;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.stack.FailureKind;
import ru.mpgu.lab.stack.StackException;

/**
 * Gives task tests the shared {@link LabRun} and turns each test's result into the outcome of its
 * {@link RubricCheck}: an explicit verdict if the test gave one, else pass, fail, or "not the student's fault".
 */
public final class GradingExtension implements ParameterResolver, BeforeTestExecutionCallback, AfterTestExecutionCallback {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LabRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return run(context);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        checkId(context).ifPresent(id -> run(context).outcomes().remove(id));
        checkId(context).ifPresent(id -> run(context).progress("проверка " + id + ": " + context.getDisplayName()));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Optional<String> id = checkId(context);
        if (id.isEmpty()) {
            return;
        }
        LabRun run = run(context);
        if (run.outcomes().containsKey(id.get())) {
            return; // the test gave its own verdict (partial points, review, …)
        }
        run.record(outcomeOf(id.get(), context.getExecutionException()));
    }

    static CheckOutcome outcomeOf(String id, Optional<Throwable> failure) {
        if (failure.isEmpty()) {
            return CheckOutcome.passed(id, "выполнено");
        }
        Throwable error = failure.get();
        if (error instanceof StackException stackError) {
            return stackError.kind() == FailureKind.INFRASTRUCTURE
                    ? CheckOutcome.infra(id, stackError.getMessage())
                    : CheckOutcome.failed(id, "стенд не работает: " + stackError.getMessage());
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

    private static Optional<String> checkId(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getAnnotation(RubricCheck.class)).map(RubricCheck::value);
    }

    /** The run started by {@link LabReportListener}; when a task class is run on its own (IDE), one is made here. */
    private static LabRun run(ExtensionContext context) {
        return LabRuns.current().orElseGet(() -> {
            LabRun run = new LabRun(GradingConfig.from(context::getConfigurationParameter));
            LabRuns.push(run);
            return run;
        });
    }
}
