package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps' Chinese as shipped (src/main/resources/META-INF/resources/webjars/camunda/app/…), checked
 * against the English locale in Camunda's own webjar on the classpath: every key there is in zh-CN.json (so no key
 * ever shows raw, and a Camunda upgrade that adds one fails here), every label of Tasklist, Cockpit and Admin is
 * Chinese; the config makes Chinese the default with English selectable, and
 * Tasklist's index.html is Camunda's own with "Create task" and "Start process" left out.
 */
class WebappLocalesTests {

    static final String SHIPPED = "META-INF/resources/webjars/camunda/app/";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** Labels that are the same in every language (Tasklist's; Cockpit's date pattern). */
    static final Set<String> SAME_IN_CHINESE = Set.of("NO_TASK_FORM", "SEARCH_LESS_THAN", "SEARCH_LESS_THAN_EQUALS",
            "SEARCH_GREATER_THAN", "SEARCH_GREATER_THAN_EQUALS", "USERS_ID", "GROUPS_GROUP_ID",
            "PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER");
    /** Codes and product names that Chinese UIs write in English, also inside Chinese sentences. */
    static final Pattern ENGLISH_WORD = Pattern.compile("\\b(ID|null|CSV|JSON|Optimize)\\b");
    static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    static final Pattern PLACEHOLDER_OR_TAG = Pattern.compile("\\{\\{.*?}}|<[^>]*>");
    static final Pattern THREE_ENGLISH_WORDS = Pattern.compile("[A-Za-z]+[\\s,.]+[A-Za-z]+[\\s,.]+[A-Za-z]+");

    final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void zhCnHasEveryKeyOfCamundasEnglishWithTheSamePlaceholders(String app) throws IOException {
        JsonNode en = camundas(app, "locales/en.json");
        JsonNode zh = ours(app, "locales/zh-CN.json");
        assertThat(keys(zh.get("labels"))).isEqualTo(keys(en.get("labels")));
        assertThat(keys(zh.get("dateLocales"))).isEqualTo(keys(en.get("dateLocales")));
        en.get("labels").fields().forEachRemaining(e -> assertThat(placeholders(zh.get("labels").get(e.getKey()).asText()))
                .as(app + " " + e.getKey()).isEqualTo(placeholders(e.getValue().asText())));
        assertThat(zh.get("dateLocales").get("months").get(0).asText()).isEqualTo("一月");
        assertThat(zh.get("dateLocales").get("relativeTime").get("past").asText()).isEqualTo("%s前");
    }

    @Test
    void everyTasklistLabelIsChinese() throws IOException {
        JsonNode labels = ours("tasklist", "locales/zh-CN.json").get("labels");
        List<String> notChinese = new ArrayList<>();
        labels.fields().forEachRemaining(e -> {
            if (!SAME_IN_CHINESE.contains(e.getKey()) && !HAN.matcher(e.getValue().asText()).find()) {
                notChinese.add(e.getKey());
            }
        });
        assertThat(notChinese).isEmpty();
        assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("认领");
        assertThat(labels.get("COMPLETE").asText()).isEqualTo("完成");
        assertThat(labels.get("SEARCH_PLACEHOLDER").asText()).isEqualTo("筛选任务");
    }

    /**
     * Every Cockpit and Admin label is Chinese too: it has a Han character, or it is nothing but words that stay
     * English in Chinese UIs (ENGLISH_IN_CHINESE), placeholders, digits and punctuation (an "ID" column, "null",
     * "/", the plural "s" left empty). No label carries three English words in a row, which a half-translated one
     * would.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "admin"})
    void everyCockpitAndAdminLabelIsChinese(String app) throws IOException {
        JsonNode labels = ours(app, "locales/zh-CN.json").get("labels");
        List<String> notChinese = new ArrayList<>();
        List<String> halfEnglish = new ArrayList<>();
        labels.fields().forEachRemaining(e -> {
            String text = e.getValue().asText();
            String bare = PLACEHOLDER_OR_TAG.matcher(text).replaceAll(" ");
            if (!SAME_IN_CHINESE.contains(e.getKey()) && !HAN.matcher(text).find()
                    && LATIN.matcher(ENGLISH_WORD.matcher(bare).replaceAll(" ")).find()) {
                notChinese.add(e.getKey() + "=" + text);
            }
            if (THREE_ENGLISH_WORDS.matcher(bare).find()) {
                halfEnglish.add(e.getKey() + "=" + text);
            }
        });
        assertThat(labels.size()).isGreaterThan(500);
        assertThat(notChinese).isEmpty();
        assertThat(halfEnglish).isEmpty();
    }

    /** The words an administrator meets most, one term per concept across Cockpit, Admin and Tasklist. */
    @Test
    void cockpitAndAdminUseShenchasTerms() throws IOException {
        JsonNode cockpit = ours("cockpit", "locales/zh-CN.json").get("labels");
        JsonNode admin = ours("admin", "locales/zh-CN.json").get("labels");
        assertThat(cockpit.get("DASHBOARD_OPEN_INCIDENTS").asText()).isEqualTo("未解决的异常");
        assertThat(cockpit.get("PLGN_HIST_INCIDENTS").asText()).isEqualTo("异常");
        assertThat(cockpit.get("PLGN_HIST_PROCESS_INSTANCES").asText()).isEqualTo("流程实例");
        assertThat(cockpit.get("PLGN_AUDIT_PROCESS").asText()).isEqualTo("流程定义");
        assertThat(cockpit.get("PLUGIN_JOB_DEFINITION_LABEL").asText()).isEqualTo("作业定义");
        assertThat(cockpit.get("PLGN_HIST_SUSPEND").asText()).isEqualTo("挂起");
        assertThat(cockpit.get("PLGN_CS_ASSIGNEE").asText()).isEqualTo("处理人");
        assertThat(cockpit.get("PLGN_AUDIT_LOG_LABEL").asText()).isEqualTo("操作日志");
        assertThat(cockpit.get("PLGN_MIG_MIGRATION").asText()).isEqualTo("迁移");
        assertThat(admin.get("AUTHORIZATION_AUTHORIZATIONS").asText()).isEqualTo("授权");
        assertThat(admin.get("TENANTS_TENANTS").asText()).isEqualTo("租户");
        assertThat(admin.get("PAGINATION_NEXT").asText()).isEqualTo(cockpit.get("PAGINATION_NEXT").asText())
                .isEqualTo("下一页");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void chineseIsTheDefaultEnglishSelectableAndNoMigrationBanner(String app) throws IOException {
        String config = text(ours(app, "scripts/config.js", true));
        assertThat(config.replaceAll("\\s+", " "))
                .contains("availableLocales: ['zh-CN', 'en']")
                .contains("fallbackLocale: 'zh-CN'");
        assertThat(text(ours(app, "styles/user-styles.css", true))).contains(".ce-eol-banner").contains("display: none");
    }

    @Test
    void tasklistShowsShanghaiTimeAndLeavesOutCreateTaskAndStartProcess() throws IOException {
        String config = text(ours("tasklist", "scripts/config.js", true));
        assertThat(config).contains("customScripts: ['scripts/shanghai-time']").contains("ngDeps: ['shencha.shanghaiTime']");
        assertThat(text(ours("tasklist", "scripts/shanghai-time.js", true)))
                .contains("angular.module('shencha.shanghaiTime'").contains("8 * 60").contains("'Asia/Shanghai'");

        // Camunda's index.html, line for line, but for the excluded plugins (and the page's language).
        String camundas = text(classpath("tasklist/index.html", false));
        String ours = text(classpath("tasklist/index.html", true));
        assertThat(ours).contains("cam-exclude-plugins=\"tasklist.navbar.action:create-task-action,"
                + "tasklist.navbar.action:start-process-action\"");
        assertThat(ours.replace("\n        cam-exclude-plugins=\"tasklist.navbar.action:create-task-action,"
                        + "tasklist.navbar.action:start-process-action\"", "")
                .replace("<html lang=\"zh-CN\">", "<html lang=\"en\">"))
                .isEqualTo(camundas);
    }

    private JsonNode camundas(String app, String file) throws IOException {
        return json.readTree(text(classpath(app + "/" + file, false)));
    }

    private JsonNode ours(String app, String file) throws IOException {
        return json.readTree(text(ours(app, file, true)));
    }

    private static URL ours(String app, String file, boolean ours) throws IOException {
        return classpath(app + "/" + file, ours);
    }

    /** Our copy (target/classes) or Camunda's (the webjar), both at the same classpath path. */
    private static URL classpath(String path, boolean ours) throws IOException {
        List<URL> found = Collections.list(WebappLocalesTests.class.getClassLoader().getResources(SHIPPED + path));
        List<URL> matching = found.stream()
                .filter(u -> ours != u.toString().contains("camunda-webapp-webjar"))
                .toList();
        assertThat(matching).as(path + (ours ? " in the app" : " in Camunda's webjar")).hasSize(1);
        return matching.get(0);
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found.stream().sorted().collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
