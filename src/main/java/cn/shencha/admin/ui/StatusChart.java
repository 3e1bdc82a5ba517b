package cn.shencha.admin.ui;

import cn.shencha.admin.CaseStatus;
import cn.shencha.admin.DashboardService;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The dashboard's chart: one stacked column per day, cases per status, as inline SVG (no chart package). */
final class StatusChart {

    static final Map<CaseStatus, String> COLORS = new EnumMap<>(Map.of(
            CaseStatus.NOT_STARTED, "#c7ccd4",
            CaseStatus.UPLOADING, "#8fb8f0",
            CaseStatus.SUBMITTED, "#3d7fd9",
            CaseStatus.AUTO_LOCKED, "#f2a93b",
            CaseStatus.IN_SITE_REVIEW, "#9b6fd6",
            CaseStatus.IN_DISTRICT_REVIEW, "#5b3fa8",
            CaseStatus.IN_SUPPLEMENT, "#e5684c",
            CaseStatus.APPROVED, "#2e9e5b",
            CaseStatus.REJECTED, "#a3303a"));

    private static final int BAR = 22;
    private static final int GAP = 10;
    private static final int LEFT = 44;
    private static final int TOP = 16;
    private static final int PLOT = 180;
    private static final int BOTTOM = 34;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private StatusChart() {
    }

    /** The chart as SVG; {@code title} is its accessible name (the {@code <title>} that {@code role="img"} needs). */
    static String svg(String title, List<DashboardService.DayLine> days, Function<CaseStatus, String> label,
                      String todayLabel) {
        int max = Math.max(1, days.stream().mapToInt(DashboardService.DayLine::total).max().orElse(1));
        int width = LEFT + days.size() * (BAR + GAP) + GAP;
        int height = TOP + PLOT + BOTTOM;
        int labelEvery = Math.max(1, days.size() / 15);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" style=\"max-width:100%;height:auto;font-family:sans-serif\" aria-labelledby=\"sh-chart-title\">")
                .append("<title id=\"sh-chart-title\">").append(escape(title)).append("</title>");
        // Axis with the maximum and half of it.
        svg.append(line(LEFT - 4, TOP + PLOT, width, TOP + PLOT));
        for (int tick : new int[]{max, max / 2}) {
            int y = TOP + PLOT - tick * PLOT / max;
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(y + 4)
                    .append("\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">").append(tick).append("</text>");
            svg.append("<line x1=\"").append(LEFT - 4).append("\" y1=\"").append(y).append("\" x2=\"").append(width)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#e3e6ea\"/>");
        }
        for (int i = 0; i < days.size(); i++) {
            DashboardService.DayLine day = days.get(i);
            int x = LEFT + GAP + i * (BAR + GAP);
            int y = TOP + PLOT;
            for (CaseStatus status : CaseStatus.values()) {
                int n = day.counts().getOrDefault(status, 0);
                if (n == 0) {
                    continue;
                }
                int h = Math.max(1, n * PLOT / max);
                y -= h;
                svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BAR)
                        .append("\" height=\"").append(h).append("\" fill=\"").append(COLORS.get(status)).append("\">")
                        .append("<title>").append(escape(DAY.format(day.date()) + " " + label.apply(status) + ": " + n))
                        .append("</title></rect>");
            }
            if (i % labelEvery == 0 || i == days.size() - 1) {
                String text = day.live() ? todayLabel : DAY.format(day.date());
                svg.append("<text x=\"").append(x + BAR / 2).append("\" y=\"").append(TOP + PLOT + 14)
                        .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">").append(escape(text))
                        .append("</text>");
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#888\"/>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
