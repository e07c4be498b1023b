package dev.ordino.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowValuesTest {

    @Test
    void rows_become_a_derived_table_named_by_its_first_row() {
        assertThat(RowValues.table(3, List.of("id", "status")))
                .isEqualTo("(SELECT ? AS id, ? AS status UNION ALL SELECT ?, ? UNION ALL SELECT ?, ?)");
    }

    @Test
    void parameters_are_the_rows_in_order_then_those_after_the_table() {
        Object[] params = RowValues.params(List.of(new Object[]{1L, "a"}, new Object[]{2L, null}), "now");
        assertThat(Arrays.asList(params)).containsExactly(1L, "a", 2L, null, "now");
    }

    @Test
    void a_table_without_rows_is_refused() {
        assertThatThrownBy(() -> RowValues.table(0, List.of("id"))).isInstanceOf(IllegalArgumentException.class);
    }
}
