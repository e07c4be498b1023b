package dev.ordino.ordering.ui;

import dev.ordino.ordering.OrderReports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Revenue per day as bars and orders per day as a line, drawn on the server as SVG: no chart
 * library, nothing that runs in the browser, and it scales to any width.
 */
final class RevenueChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 36;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private RevenueChart() {
    }

    /** The chart as a {@code data:} address for an image. */
    static String dataUrl(List<OrderReports.Day> days, Locale locale, String revenueLabel, String ordersLabel) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg(days, locale, revenueLabel, ordersLabel)
                .getBytes(StandardCharsets.UTF_8));
    }

    static String svg(List<OrderReports.Day> days, Locale locale, String revenueLabel, String ordersLabel) {
        NumberFormat money = NumberFormat.getNumberInstance(locale);
        money.setMaximumFractionDigits(0);
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        BigDecimal maxRevenue = days.stream().map(OrderReports.Day::revenue).reduce(BigDecimal.ONE, BigDecimal::max);
        long maxOrders = Math.max(1, days.stream().mapToLong(OrderReports.Day::orders).max().orElse(1));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (double) plotWidth / Math.max(1, days.size());

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("' font-family='sans-serif' font-size='11' fill='#555'>");
        for (int i = 0; i <= 4; i++) { // grid lines with revenue on the left, orders on the right
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#ddd'/>", LEFT, WIDTH - RIGHT, y, y));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%.1f' text-anchor='end'>%s</text>", LEFT - 6, y + 4,
                    escape(money.format(maxRevenue.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP)))));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%.1f'>%s</text>", WIDTH - RIGHT + 6, y + 4,
                    escape(NumberFormat.getIntegerInstance(locale).format(Math.round(maxOrders * i / 4.0)))));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            OrderReports.Day day = days.get(i);
            double x = LEFT + slot * i;
            double barHeight = day.revenue().doubleValue() / maxRevenue.doubleValue() * plotHeight;
            svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='#4a8fe0'><title>%s: %s</title></rect>",
                    x + slot * 0.15, TOP + plotHeight - barHeight, slot * 0.7, barHeight, escape(dayFormat.format(day.date())),
                    escape(money.format(day.revenue()))));
            double y = TOP + plotHeight - (double) day.orders() / maxOrders * plotHeight;
            line.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x + slot / 2, y));
            if (i % 7 == days.size() % 7 || i == days.size() - 1) {
                svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>", x + slot / 2,
                        HEIGHT - BOTTOM + 16, escape(dayFormat.format(day.date()))));
            }
        }
        svg.append("<path d='").append(line).append("' fill='none' stroke='#e07a1f' stroke-width='2'/>");
        svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='10' height='10' fill='#4a8fe0'/><text x='%d' y='%d'>%s</text>",
                LEFT, HEIGHT - 12, LEFT + 14, HEIGHT - 3, escape(revenueLabel)));
        svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='#e07a1f' stroke-width='2'/><text x='%d' y='%d'>%s</text>",
                LEFT + 200, LEFT + 214, HEIGHT - 7, HEIGHT - 7, LEFT + 220, HEIGHT - 3, escape(ordersLabel)));
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
