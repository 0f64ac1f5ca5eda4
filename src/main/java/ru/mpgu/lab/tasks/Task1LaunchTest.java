package ru.mpgu.lab.tasks;

import static ru.mpgu.lab.grading.Verdicts.expect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.mpgu.lab.checks.EvidenceChecks;
import ru.mpgu.lab.checks.ReportBasedChecks;
import ru.mpgu.lab.checks.StackChecks;
import ru.mpgu.lab.grading.GradingExtension;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.grading.RubricCheck;
import ru.mpgu.lab.rubric.Check;

@Order(1)
@DisplayName("Задание 1. Запуск базовой версии")
@ExtendWith(GradingExtension.class)
public class Task1LaunchTest {

    @Test
    @Order(1)
    @RubricCheck("launch.stack_boots")
    @DisplayName("docker compose up запускает все сервисы")
    void composeUpStartsTheStack(LabRun lab, Check check) {
        expect(lab, StackChecks.stackBoots(lab, check));
    }

    @Test
    @Order(2)
    @RubricCheck("launch.orders_json")
    @DisplayName("/orders через nginx отвечает 200 и отдаёт JSON")
    void ordersAnswersThroughNginx(LabRun lab, Check check) {
        expect(lab, StackChecks.ordersJson(lab, check));
    }

    @Test
    @Order(3)
    @RubricCheck("launch.screenshot_orders")
    @DisplayName("Отчёт: скриншот работающего /orders")
    void reportHasOrdersScreenshot(LabRun lab, Check check) {
        expect(lab, ReportBasedChecks.ordersScreenshot(lab, check));
    }

    @Test
    @Order(4)
    @RubricCheck("launch.answer1")
    @DisplayName("Отчёт: почему приложение работает быстро без нагрузки?")
    void answersWhyItIsFastWithoutLoad(LabRun lab) {
        expect(lab, ReportBasedChecks.answer(lab, 1));
    }

    @Test
    @Order(5)
    @RubricCheck("launch.wrk_baseline")
    @DisplayName("Отчёт: базовый прогон wrk -c1 (одно соединение)")
    void reportHasTheBaselineRun(LabRun lab) {
        expect(lab, EvidenceChecks.baselineRun(lab));
    }
}
