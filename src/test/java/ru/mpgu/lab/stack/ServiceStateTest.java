package ru.mpgu.lab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceStateTest {

    @Test
    void readsComposePsJsonLinesAndArrays() {
        String lines = "{\"Name\":\"p-web-1\",\"Service\":\"web\",\"State\":\"running\",\"Health\":\"healthy\",\"ExitCode\":0}\n"
                + "WARN some warning\n"
                + "{\"Name\":\"p-setup-1\",\"Service\":\"setup\",\"State\":\"exited\",\"Health\":\"\",\"ExitCode\":1}";
        List<ServiceState> states = ServiceState.parse(lines);
        assertThat(states).hasSize(2);
        assertThat(states.get(0).healthyOrNoCheck()).isTrue();
        assertThat(states.get(1).failed()).isTrue();
        assertThat(ServiceState.parse("[{\"Service\":\"db\",\"State\":\"running\",\"Health\":\"unhealthy\"}]"))
                .singleElement().satisfies(s -> assertThat(s.failed()).isTrue());
    }

    @Test
    void staleProjectOwnerIsReadFromTheName() {
        assertThat(StaleStacks.ownerPid("labgrade1234xab12cd")).contains(1234L);
        assertThat(StaleStacks.ownerPid("myproject")).isEmpty();
    }
}
