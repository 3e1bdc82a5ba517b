package cn.shencha.base.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.Instant;

/**
 * A live countdown to a deadline, ticking in the browser (inline script, no front-end build). The remaining
 * time is measured on the server's clock and handed to the browser as a duration, so a wrong clock on the
 * candidate's phone does not move the deadline. At zero it shows the "closed" text and tells the server,
 * whose views then re-check with their own clock (the services refuse late changes anyway).
 */
public class Countdown extends Span {

    /** Fired when the countdown reaches zero in the browser. */
    public static class ReachedEvent extends ComponentEvent<Countdown> {
        public ReachedEvent(Countdown source) {
            super(source, true);
        }
    }

    private static final String SCRIPT = """
            const el = this;
            const end = Date.now() + $0;
            const template = $1, units = $2, closed = $3;
            const pad = n => String(n).padStart(2, '0');
            const render = left => {
              const s = Math.floor(left / 1000);
              const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
              const text = units.replace('{0}', d).replace('{1}', pad(h)).replace('{2}', pad(m)).replace('{3}', pad(s % 60));
              return template.replace('{0}', text);
            };
            clearInterval(el._shenchaTimer);
            const tick = () => {
              const left = end - Date.now();
              if (left <= 0) {
                clearInterval(el._shenchaTimer);
                el.textContent = closed;
                el.$server.reached();
                return;
              }
              el.textContent = render(left);
            };
            el._shenchaTimer = setInterval(tick, 1000);
            """;

    private final String templateKey;
    private final String closedKey;

    /**
     * @param templateKey message with {0} for the remaining time, e.g. "还剩 {0}"
     * @param closedKey   message shown once the deadline has passed
     */
    public Countdown(Instant deadline, Instant now, String templateKey, String closedKey) {
        this.templateKey = templateKey;
        this.closedKey = closedKey;
        addClassName("sh-countdown");
        getElement().setAttribute("role", "timer");
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            setText(getTranslation(closedKey));
            return;
        }
        setText(render(left));
        long millis = left.toMillis();
        addAttachListener(e -> getElement().executeJs(SCRIPT, (double) millis, rawTemplate(), rawUnits(),
                getTranslation(closedKey)));
    }

    /** The same text the browser shows, for the first render and for tests. */
    String render(Duration left) {
        long s = left.getSeconds();
        String text = rawUnits()
                .replace("{0}", Long.toString(s / 86400))
                .replace("{1}", pad(s % 86400 / 3600))
                .replace("{2}", pad(s % 3600 / 60))
                .replace("{3}", pad(s % 60));
        return rawTemplate().replace("{0}", text);
    }

    public Registration addReachedListener(ComponentEventListener<ReachedEvent> listener) {
        return addListener(ReachedEvent.class, listener);
    }

    @ClientCallable
    private void reached() {
        setText(getTranslation(closedKey));
        fireEvent(new ReachedEvent(this));
    }

    // Without arguments the bundles give the pattern as written, placeholders included.
    private String rawTemplate() {
        return getTranslation(templateKey);
    }

    private String rawUnits() {
        return getTranslation("countdown.units");
    }

    private static String pad(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
