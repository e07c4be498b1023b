package dev.ordino.base.ui;

import com.vaadin.flow.component.UI;
import java.util.function.Consumer;

/** Where the back office lays out for a phone: one width for every page, asked from the browser. */
public final class SmallScreens {

    /** Narrower than this, the browser window counts as a phone's. */
    public static final int PHONE_WIDTH = 900;

    private SmallScreens() {
    }

    /** Tells {@code phone} whether the window is a phone's, once the browser has answered. */
    public static void ask(UI ui, Consumer<Boolean> phone) {
        ui.getPage().retrieveExtendedClientDetails(details -> phone.accept(details.getWindowInnerWidth() < PHONE_WIDTH));
    }
}
