package dev.ordino.plugin;

import dev.ordino.base.DomainException;

/**
 * A call into plugin code that did not come back with an answer or one of the exceptions its
 * extension point declares: the instance was busy, the call ran past its deadline, or the plugin
 * threw something else. {@link #nothingSent()} tells a caller whether it may simply try again.
 */
public class PluginCallFailed extends DomainException {

    /** What went wrong. */
    public enum Reason {
        /** Every thread and queue place of the instance was taken: the call never started. */
        BUSY,
        /** The host is shutting down: the call never started. */
        STOPPING,
        /** No answer within the deadline: the call was abandoned and interrupted. */
        TIMED_OUT,
        /** The plugin threw something its extension point does not declare (a bug, a missing class, an Error). */
        FAILED
    }

    private final Reason reason;
    private final boolean nothingSent;

    PluginCallFailed(Reason reason, boolean nothingSent, int status, String code, String detail, Throwable cause) {
        super(status, code, null, detail);
        this.reason = reason;
        this.nothingSent = nothingSent;
        if (cause != null) {
            initCause(cause);
        }
    }

    public Reason reason() {
        return reason;
    }

    /**
     * True when the plugin cannot have told anyone anything: the call never started, or it failed
     * before any request went out through the host's HTTP client.
     */
    public boolean nothingSent() {
        return nothingSent;
    }
}
