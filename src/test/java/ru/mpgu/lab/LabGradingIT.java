package ru.mpgu.lab;

import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The student's grading, run by `./mvnw verify`: the five task groups of the lab against this repository
 * (or the one in -Dlab.repo). The score and what to fix are printed at the end and written to target/lab-report/.
 */
@Suite
@SuiteDisplayName("Лабораторная: нагрузка и масштабирование Django-приложения")
@SelectPackages("ru.mpgu.lab.tasks")
class LabGradingIT {
}
