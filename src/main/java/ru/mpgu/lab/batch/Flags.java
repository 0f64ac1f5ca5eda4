package ru.mpgu.lab.batch;

/** Flags of a gradebook row, in Russian as the teacher reads them. */
public final class Flags {

    public static final String TAMPERED_TESTS = "изменены тесты";
    public static final String TAMPERED_RUBRIC = "изменена рубрика";
    public static final String INFRASTRUCTURE = "инфраструктура";
    public static final String TIMEOUT = "превышено время";
    public static final String NEEDS_REVIEW = "нужна проверка преподавателем";
    public static final String MANUAL = "ручная оценка";
    public static final String NO_REPORT = "нет отчёта";
    public static final String NO_COMPOSE = "нет docker-compose.yml";
    public static final String COMPOSE_UNPARSABLE = "compose не разбирается";
    public static final String COMPOSE_REFUSED = "compose отклонён";
    public static final String NOT_A_REPOSITORY = "не репозиторий";
    public static final String EMPTY = "пустая папка";
    /** Stand evidence without a variant (no .env variant, no class-list entry): cannot be tied to the student's stand. */
    public static final String NO_VARIANT = "нет варианта";

    private Flags() {
    }
}
