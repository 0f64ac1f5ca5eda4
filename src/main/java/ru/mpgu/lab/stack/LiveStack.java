package ru.mpgu.lab.stack;

import java.net.URI;
import java.util.List;

/**
 * What the live checks see of a running stack: where nginx, Prometheus and Grafana answer, and the state of
 * its services. {@link LabStack} is the real one; tests stand fake HTTP servers behind it.
 */
public interface LiveStack {

    /** nginx, in front of the web replicas (/orders). */
    URI httpUrl();

    URI prometheusUrl();

    URI grafanaUrl();

    /** Every container of the stack, as docker compose ps reports it. */
    List<ServiceState> services();
}
