package dev.ordino.stock;

import dev.ordino.audit.AuditLog;
import dev.ordino.base.DomainException;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's side of the code stock: upload with a preview, counts per state, codes shown masked,
 * revealing a sold code and voiding (and replacing) one, both written to the audit log. A code
 * is never logged.
 */
@Service
public class CodeStock {

    private final CodeShelf shelf;
    private final CodeSecrets secrets;
    private final CatalogService catalog;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    CodeStock(CodeShelf shelf, CodeSecrets secrets, CatalogService catalog, AuditLog audit, ApplicationEventPublisher events,
              JdbcClient jdbc) {
        this.shelf = shelf;
        this.secrets = secrets;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** What an upload did (or, as a preview, would do). Line numbers from 1. */
    public record UploadReport(int added, int duplicates, int invalid, List<Integer> duplicateLines,
                               List<CodeUpload.Invalid> invalidLines) {
    }

    /** Counts per state; an expired reservation counts as available. */
    public record Counts(long available, long reserved, long sold, long voided) {
    }

    /** A code as staff see it: masked. */
    public record CodeRow(long id, String masked, CodeState state, Long orderId) {
    }

    /**
     * Adds codes to a digital offering's stock, or with {@code dryRun} only says what it would
     * do: new ones, duplicates (in the upload or already in stock, found by fingerprint), invalid
     * lines (empty, too long). Waiting lines are filled once the codes are saved.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public UploadReport upload(long offeringId, List<String> lines, boolean dryRun, String actor) {
        digital(offeringId);
        CodeUpload.Lines read = CodeUpload.read(lines);
        List<String> prints = read.codes().stream().map(secrets::fingerprint).toList();
        Set<String> known = new HashSet<>(shelf.known(offeringId, new ArrayList<>(new HashSet<>(prints))));
        Set<String> seen = new HashSet<>();
        List<Integer> duplicates = new ArrayList<>();
        List<String[]> fresh = new ArrayList<>();
        for (int i = 0; i < prints.size(); i++) {
            String print = prints.get(i);
            if (known.contains(print) || !seen.add(print)) {
                duplicates.add(read.numbers().get(i));
            } else {
                fresh.add(new String[]{dryRun ? null : secrets.seal(read.codes().get(i)), print});
            }
        }
        int added = fresh.size();
        if (!dryRun && !fresh.isEmpty()) {
            added = shelf.add(offeringId, fresh);
            audit.record(actor, "codes_uploaded", "offering:" + offeringId, added + " codes added");
            events.publishEvent(new CodesAdded(offeringId, added));
        }
        return new UploadReport(added, duplicates.size() + fresh.size() - added, read.invalid().size(), duplicates,
                read.invalid());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Counts counts(long offeringId) {
        digital(offeringId);
        Map<CodeState, Long> counts = shelf.counts(offeringId);
        return new Counts(counts.get(CodeState.AVAILABLE), counts.get(CodeState.RESERVED), counts.get(CodeState.SOLD),
                counts.get(CodeState.VOID));
    }

    /** The offering's codes, newest first, masked. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<CodeRow> codes(long offeringId, CodeState state, long offset, int limit) {
        return jdbc.sql("SELECT id, secret, state, order_id FROM code_stock WHERE offering_id = :offering "
                        + "AND (:state IS NULL OR state = :state) ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("offering", offeringId).param("state", state == null ? null : state.key())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new CodeRow(rs.getLong(1), mask(secrets.open(rs.getString(2))),
                        CodeState.parse(rs.getString(3)), (Long) rs.getObject(4)))
                .list();
    }

    /** The codes sold to an order, masked, with their ids: what staff see on the order. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<CodeRow> ofOrder(long orderId) {
        return jdbc.sql("SELECT id, secret, state, order_id FROM code_stock WHERE order_id = ? AND state IN ("
                        + CodeState.SOLD.sql() + ", " + CodeState.VOID.sql() + ") ORDER BY id")
                .param(orderId)
                .query((rs, n) -> new CodeRow(rs.getLong(1), mask(secrets.open(rs.getString(2))),
                        CodeState.parse(rs.getString(3)), (Long) rs.getObject(4)))
                .list();
    }

    /** A code in full, for staff helping a customer: written to the audit log when it was sold. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public String reveal(long codeId, String actor) {
        CodeShelf.Code code = shelf.lock(codeId).orElseThrow(CodeStock::noSuchCode);
        if (code.state() == CodeState.SOLD || code.orderId() != null) {
            audit.record(actor, "code_revealed", "code:" + codeId, "order:" + code.orderId());
        }
        return secrets.open(code.secret());
    }

    /**
     * Voids a code (a bad one in stock, or a sold one the customer could not use). A sold code is
     * replaced by an available one for the same line; without one, nothing changes
     * ({@code out_of_stock}).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public void voidCode(long codeId, String actor) {
        CodeShelf.Code code = shelf.lock(codeId).orElseThrow(CodeStock::noSuchCode);
        if (code.state() == CodeState.VOID) {
            throw DomainException.conflict("already_void", "This code is void already");
        }
        shelf.voidCode(codeId);
        String detail = code.orderId() == null ? null : "order:" + code.orderId();
        if (code.state() == CodeState.SOLD) {
            if (!shelf.sell(code.offeringId(), code.orderId(), code.itemId(), shelf.soldTo(code.itemId()) + 1)) {
                throw DomainException.conflict("out_of_stock", "No available code to replace it with; upload codes first");
            }
            detail += ", replaced";
        }
        audit.record(actor, "code_voided", "code:" + codeId, detail);
    }

    /** Masked for staff: only the last few characters show, enough to tell codes apart on the phone. */
    static String mask(String code) {
        int shown = code.length() >= 12 ? 4 : code.length() >= 6 ? 2 : 0;
        return "•".repeat(Math.min(8, code.length() - shown)) + code.substring(code.length() - shown);
    }

    private OfferingView digital(long offeringId) {
        OfferingView offering = catalog.offering(offeringId)
                .orElseThrow(() -> DomainException.notFound("product_not_found", "No such product"));
        if (offering.kind() != OfferingKind.DIGITAL) {
            throw DomainException.conflict("not_digital", "Only digital products have a code stock");
        }
        return offering;
    }

    private static DomainException noSuchCode() {
        return DomainException.notFound("code_not_found", "No such code");
    }
}
