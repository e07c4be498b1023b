package dev.ordino.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Where the back office lays out for a phone: one width for every page, asked from the browser. */
public final class SmallScreens {

    /** Narrower than this, the browser window counts as a phone's. */
    public static final int PHONE_WIDTH = 900;

    /** The key of a grid's phone-only column: one cell of two or three lines in place of the wide columns. */
    public static final String SUMMARY = "summary";

    private SmallScreens() {
    }

    /** Tells {@code phone} whether the window is a phone's, once the browser has answered. */
    public static void ask(UI ui, Consumer<Boolean> phone) {
        ui.getPage().retrieveExtendedClientDetails(details -> phone.accept(details.getWindowInnerWidth() < PHONE_WIDTH));
    }

    /** On a phone only the named columns show (the summary among them); elsewhere every column but the summary. */
    public static void fitColumns(Grid<?> grid, boolean phone, String... phoneColumns) {
        List<String> kept = Arrays.asList(phoneColumns); // a column may have no key
        grid.getColumns().forEach(column -> column.setVisible(phone ? kept.contains(column.getKey()) : !SUMMARY.equals(column.getKey())));
    }
}
