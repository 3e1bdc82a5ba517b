package cn.shencha.base.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * axe-core, Deque's accessibility engine, run inside the page a {@link Browser} shows. The script is the
 * {@code axe.min.js} of the npm package axe-core as Deque ships it in its Maven artifact
 * {@code com.deque.html.axe-core:selenium} (a test dependency, nothing downloaded by the test); only the script is
 * used, the page is checked by axe itself with its WCAG 2.x A/AA and best-practice rules.
 */
public final class Axe {

    private static final String SOURCE = load();

    private Axe() {
    }

    /** The version of the axe-core script in use, e.g. 4.11.1. */
    public static String version(Browser browser) {
        inject(browser);
        return (String) browser.script("return axe.version");
    }

    /**
     * The violations axe finds in the page as it is now (dialogs and overlays included), one line each: rule,
     * impact, what it means and the elements concerned. Empty when the page passes.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Browser browser) {
        browser.waitForVaadin();
        browser.settle();
        inject(browser);
        Object result = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                // Vaadin's own connection indicator (the loading bar and the offline notice, appended to <body> by
                // the framework) is the one element outside the page's landmarks by design: left out of the check.
                axe.run({exclude: [['vaadin-connection-indicator']]}, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => JSON.stringify(n.target) + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));""");
        return ((List<Map<String, Object>>) result).stream()
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n      "
                        + ((List<String>) v.get("nodes")).stream().collect(Collectors.joining("\n      ")))
                .toList();
    }

    private static void inject(Browser browser) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(SOURCE);
        }
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
