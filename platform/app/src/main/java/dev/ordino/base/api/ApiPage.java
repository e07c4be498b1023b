package dev.ordino.base.api;

import dev.ordino.base.DomainException;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A page of an API list: {@code {items, page, size, total}}. */
public record ApiPage<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    private static final String PAGE = "page";
    private static final String SIZE = "size";

    /**
     * {@code page} from 0; {@code size} default 20, larger than 100 is clamped, below 1 is 1. A
     * negative page, or one so far that its first row cannot be addressed, is refused with 400
     * {@code invalid_page} (the database takes row offsets up to {@link Integer#MAX_VALUE}).
     */
    public static Pageable request(Integer page, Integer size) {
        int s = size == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, size));
        int p = page == null ? 0 : page;
        if (p < 0 || (long) p * s > Integer.MAX_VALUE - s) {
            throw refusal(PAGE);
        }
        return PageRequest.of(p, s);
    }

    public static <S, T> ApiPage<T> of(Page<S> page, Function<S, T> mapper) {
        return new ApiPage<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }

    /** Whether a query parameter is one of the paging ones, whose every refusal is {@code invalid_page}. */
    static boolean isPaging(String parameter) {
        return PAGE.equals(parameter) || SIZE.equals(parameter);
    }

    static ResponseEntity<ProblemDetail> invalid(String parameter) {
        DomainException refusal = refusal(parameter);
        return ApiProblems.problem(refusal.status(), refusal.code(), refusal.getMessage(), refusal.field());
    }

    private static DomainException refusal(String parameter) {
        return DomainException.badRequest("invalid_page", parameter,
                "page is a whole number from 0 and size from 1 to " + MAX_SIZE + ", and page × size below " + Integer.MAX_VALUE);
    }
}
