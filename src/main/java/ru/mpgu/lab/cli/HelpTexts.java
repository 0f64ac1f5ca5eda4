package ru.mpgu.lab.cli;

import java.util.ListResourceBundle;

/** Russian texts for picocli's built-in --help/--version options and the usage heading. */
public class HelpTexts extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"mixinStandardHelpOptions.help", "Показать эту справку и выйти."},
                {"mixinStandardHelpOptions.version", "Показать версию и выйти."},
                {"usage.synopsisHeading", "Использование: "},
                {"usage.commandListHeading", "Команды:%n"},
        };
    }
}
