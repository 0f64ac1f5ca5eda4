/**
 * Load generator with wrk 4's model and counting rules.
 *
 * <p>Same as wrk: one request in flight per keep-alive connection; connections split over
 * threads; latency in microseconds; "Req/Sec" sampled per thread every 100 ms; status &gt; 399
 * counted as "Non-2xx or 3xx"; a response the parser rejects or a failed read is a read error, a
 * failed write a write error; "Connection: close" (or HTTP/1.0) makes the connection reconnect;
 * a response slower than the timeout counts as timeout and is not recorded; the printed latency is
 * corrected for coordinated omission with wrk's interval runtime / (requests / connections).
 *
 * <p>Deliberate differences: a request still unanswered at the timeout is counted as a timeout
 * and its connection re-opened (wrk 4 would wait for it); connects time out too and count as
 * connect errors; a failed connect is retried after 10 ms instead of at once (wrk's connect
 * error counts are therefore much higher on a closed port); the run ends early, with
 * {@link ru.mpgu.lab.measure.load.LoadResult#allConnectionsFailed()}, when no connection was made
 * within the timeout; a response cut short by the server closing counts as a read error; the
 * remainder of connections / threads is spread over the threads (wrk drops it).
 */
package ru.mpgu.lab.measure.load;
