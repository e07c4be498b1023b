package dev.ordino.base.api;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** A page of an API list: {@code {items, page, size, total}}. */
public record ApiPage<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** {@code page} from 0; {@code size} default 20, larger than 100 is clamped, below 1 is 1. */
    public static Pageable request(Integer page, Integer size) {
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, size));
        return PageRequest.of(p, s);
    }

    public static <S, T> ApiPage<T> of(Page<S> page, Function<S, T> mapper) {
        return new ApiPage<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
