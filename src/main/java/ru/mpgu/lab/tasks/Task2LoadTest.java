package ru.mpgu.lab.tasks;

import static ru.mpgu.lab.grading.Verdicts.expect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.mpgu.lab.checks.LoadChecks;
import ru.mpgu.lab.checks.ReportBasedChecks;
import ru.mpgu.lab.checks.WrkChecks;
import ru.mpgu.lab.grading.GradingExtension;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.grading.RubricCheck;
import ru.mpgu.lab.report.ReportRun;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.params.CheckParams;
import ru.mpgu.lab.variant.OwnStand;

@Order(2)
@DisplayName("Задание 2. Моделирование нагрузки: wrk -c30 -t2 -d20s http://localhost:8000/orders")
@ExtendWith(GradingExtension.class)
public class Task2LoadTest {

    @Test
    @Order(1)
    @RubricCheck("load.wrk_output_valid")
    @DisplayName("Отчёт: вывод wrk с параметрами задания")
    void reportHasTheWrkOutput(LabRun lab, Check check) {
        expect(lab, OwnStand.wrkOutput(WrkChecks.outputValid(check, lab.report().oneReplica(), ReportRun.ONE_REPLICA.title()),
                WrkChecks.parse(lab.report().oneReplica()), lab.stand(), ReportRun.ONE_REPLICA.title(), CheckParams.variantRequired(check)));
    }

    @Test
    @Order(2)
    @RubricCheck("load.wrk_consistent")
    @DisplayName("Отчёт: средняя задержка, ошибки и Requests/sec совпадают с выводом wrk")
    void reportedNumbersMatchTheOutput(LabRun lab, Check check) {
        expect(lab, WrkChecks.consistent(check, lab.report().oneReplica(), ReportRun.ONE_REPLICA.title()));
    }

    @Test
    @Order(3)
    @RubricCheck("load.no_errors")
    @DisplayName("Под нагрузкой сервер отвечает без ошибок")
    void serverAnswersUnderLoadWithoutErrors(LabRun lab, Check check) {
        expect(lab, LoadChecks.noErrors(lab, check));
    }

    @Test
    @Order(4)
    @RubricCheck("load.answer2")
    @DisplayName("Отчёт: что происходит с сервером при росте числа запросов?")
    void answersWhatHappensUnderGrowingLoad(LabRun lab) {
        expect(lab, ReportBasedChecks.answer(lab, 2));
    }
}
