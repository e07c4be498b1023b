package dev.ordino.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides whether a bearer token or a browser session, issued for an account at a given security
 * version, still counts. Each node reads the account's state at most once per
 * {@code ordino.security.account-check-ttl} (default 2 s) per account, so a change made through any
 * node is seen by every other node within that time; the node that made the change forgets its copy
 * at once.
 */
@Component
public class SignInVersions {

    private static final int MAX_ENTRIES = 100_000;

    private final SignInStates states;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Long, Read> reads = new ConcurrentHashMap<>();

    public SignInVersions(SignInStates states, @Value("${ordino.security.account-check-ttl:PT2S}") Duration ttl, Clock clock) {
        this.states = states;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Whether the account exists, may sign in and is still at {@code version}. */
    public boolean isCurrent(long accountId, long version) {
        SignInStates.SignInState state = state(accountId);
        return state != null && state.enabled() && state.version() == version;
    }

    /** Whether the account exists and may sign in (API keys, which carry no version, ask this). */
    public boolean isEnabled(long accountId) {
        SignInStates.SignInState state = state(accountId);
        return state != null && state.enabled();
    }

    private SignInStates.SignInState state(long accountId) {
        Instant now = clock.instant();
        Read read = reads.get(accountId);
        if (read == null || !now.isBefore(read.at().plus(ttl))) {
            if (reads.size() > MAX_ENTRIES) {
                reads.clear(); // a bound on memory; the price is one more read per account
            }
            // Timed from before the query, so a copy is never older than the ttl.
            read = new Read(states.find(accountId).orElse(null), now);
            reads.put(accountId, read);
        }
        return read.state();
    }

    /** Called after a change to the account committed on this node: the next check reads again. */
    public void forget(long accountId) {
        reads.remove(accountId);
    }

    private record Read(SignInStates.SignInState state, Instant at) {
    }
}
