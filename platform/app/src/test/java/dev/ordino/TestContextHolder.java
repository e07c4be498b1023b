package dev.ordino;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

/** Lets a test lambda reach a bean of the running context. */
@Component
public class TestContextHolder implements ApplicationContextAware {

    private static ApplicationContext context;

    public static <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        context = applicationContext;
    }
}
