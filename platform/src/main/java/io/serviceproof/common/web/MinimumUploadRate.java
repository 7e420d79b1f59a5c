package io.serviceproof.common.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.springframework.util.unit.DataSize;

/**
 * Ends a request whose body arrives slower than a minimum average rate once a grace period has
 * passed. Tomcat's own timeout is per read, so a client that sends one byte every few seconds could
 * otherwise hold a connection and a thread for as long as its upload limit allows (a 100 MB upload at
 * one byte per 10 s: years). The refusal is a read timeout, which Tomcat answers with 408 and a
 * closed connection.
 *
 * <p>It wraps the connector's own input buffer, not the servlet stream, because Tomcat parses
 * multipart uploads from the connector directly.
 */
final class MinimumUploadRate extends ValveBase {

    private final long bytesPerSecond;
    private final long graceNanos;

    MinimumUploadRate(DataSize perSecond, Duration grace) {
        super(true);
        if (perSecond.toBytes() < 1 || grace.isNegative()) {
            throw new IllegalArgumentException("a minimum upload rate needs a positive rate and a grace period");
        }
        this.bytesPerSecond = perSecond.toBytes();
        this.graceNanos = grace.toNanos();
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        org.apache.coyote.Request connectorRequest = request.getCoyoteRequest();
        InputBuffer original = connectorRequest.getInputBuffer();
        connectorRequest.setInputBuffer(new RateChecked(connectorRequest, original, System.nanoTime()));
        try {
            getNext().invoke(request, response);
        } finally {
            // The connector's request object is reused for the next request on the connection.
            connectorRequest.setInputBuffer(original);
        }
    }

    private final class RateChecked implements InputBuffer {

        private final org.apache.coyote.Request request;
        private final InputBuffer delegate;
        private final long started;
        private long received;

        RateChecked(org.apache.coyote.Request request, InputBuffer delegate, long started) {
            this.request = request;
            this.delegate = delegate;
            this.started = started;
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) throws IOException {
            int read = delegate.doRead(handler);
            if (read > 0) {
                received += read;
            }
            long pastGrace = System.nanoTime() - started - graceNanos;
            if (read >= 0 && pastGrace > 0 && received < bytesPerSecond * pastGrace / 1_000_000_000L) {
                // Otherwise Tomcat would read ("swallow") the rest of the body, at the same trickle,
                // before it answers; this also marks the connection to be closed after the answer.
                request.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                throw new SocketTimeoutException("The request body arrived slower than " + bytesPerSecond
                        + " bytes per second; " + received + " bytes were received.");
            }
            return read;
        }

        @Override
        public int available() {
            return delegate.available();
        }
    }
}
