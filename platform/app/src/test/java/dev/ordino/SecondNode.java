package dev.ordino;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A second app node in the test JVM: the whole application, serving HTTP on a free port of
 * 127.0.0.1, on the same database as a test's own context, as two nodes behind a load balancer
 * share one MariaDB.
 */
public final class SecondNode implements AutoCloseable {

    private final ApplicationContext first;
    private final ConfigurableApplicationContext context;

    private SecondNode(ApplicationContext first, ConfigurableApplicationContext context) {
        this.first = first;
        this.context = context;
    }

    /** Starts a node on {@code first}'s database; {@code extras} see every bean as it is made (to count queries, say). */
    public static SecondNode beside(ApplicationContext first, BeanPostProcessor... extras) {
        String database = first.getBean(JdbcClient.class).sql("SELECT DATABASE()").query(String.class).single();
        List<String> args = new ArrayList<>(List.of("--ordino.embedded.database=" + database, "--server.port=0",
                "--server.address=127.0.0.1"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrdinoApplication.class)
                .profiles("test")
                .initializers(c -> List.of(extras).forEach(c.getBeanFactory()::addBeanPostProcessor))
                .run(args.toArray(String[]::new));
        SecondNode node = new SecondNode(first, context);
        node.giveBackTheFirst();
        return node;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Runs {@code work} as an admin of this node, on a thread of its own as a request to this node
     * would (no UI of the test's node is current there), and waits for it. Its method security
     * reads its own security strategy, which the JVM-wide holder is pointed at for the call.
     */
    public <T> T asAdmin(Callable<T> work) {
        return onOwnThread(() -> {
            SecurityContextHolder.setContextHolderStrategy(context.getBean(SecurityContextHolderStrategy.class));
            try {
                return context.getBean(Actors.class).asAdmin(work);
            } finally {
                giveBackTheFirst();
            }
        });
    }

    /**
     * Runs {@code work} on a new thread and waits for it (at most a minute). Not on the common pool:
     * on a 2-core machine it has one thread, which one blocked task would take from every other.
     */
    public static <T> T onOwnThread(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A context puts its own security strategy and itself into JVM-wide holders as it starts: the test's own comes back. */
    private void giveBackTheFirst() {
        first.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        new TestContextHolder().setApplicationContext(first);
    }

    @Override
    public void close() {
        context.close();
        giveBackTheFirst();
    }
}
