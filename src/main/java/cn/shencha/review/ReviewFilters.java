package cn.shencha.review;

import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters of the reviewers, created (or brought up to date) at every start, one node at a
 * time (see SetupLock). Each filter is found again by its {@code shenchaFilter} property, so renaming one in a bundle is safe.
 * Which tasks a reviewer sees through them is still decided by Camunda's task authorizations. The current season's
 * filter only narrows "my tasks" further (by the instances' seasonCode variable); it is rewritten when a season opens
 * or closes.
 */
@Component
public class ReviewFilters {

    static final String KEY_PROPERTY = "shenchaFilter";
    static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

    /** A filter: key, priority in Tasklist's list, colour, query, and whether only administrators read it. */
    enum Spec {
        CURRENT_SEASON(5, "#2f855a", false, (q, season) -> mine(q)
                .processVariableValueEquals(MaterialReviewProcess.VAR_SEASON_CODE, season).orderByTaskCreateTime().asc()),
        SITE_QUEUE(10, "#2b6cb0", false, q -> mine(q).taskDefinitionKey(MaterialReviewProcess.SITE_REVIEW).orderByTaskCreateTime().asc()),
        DISTRICT_QUEUE(20, "#2c7a7b", false, q -> mine(q).taskDefinitionKey(MaterialReviewProcess.DISTRICT_REVIEW).orderByTaskCreateTime().asc()),
        AFTER_SUPPLEMENT(30, "#b7791f", false, q -> mine(q).taskVariableValueEquals(ReviewTaskListener.VAR_AFTER_SUPPLEMENT, true).orderByTaskCreateTime().asc()),
        DUE_SOON(40, "#c53030", false, q -> mine(q).dueBeforeExpression("${dateTime().plusDays(3)}").orderByDueDate().asc()),
        ALL_REVIEWS(90, "#4a5568", true, q -> q.processDefinitionKey(MaterialReviewProcess.KEY).orderByTaskCreateTime().asc());

        final int priority;
        final String color;
        final boolean adminOnly;
        final BiFunction<TaskQuery, String, TaskQuery> query;

        Spec(int priority, String color, boolean adminOnly, UnaryOperator<TaskQuery> query) {
            this(priority, color, adminOnly, (q, season) -> query.apply(q));
        }

        /** A filter whose query names the current season: brought up to date when a season opens or closes. */
        Spec(int priority, String color, boolean adminOnly, BiFunction<TaskQuery, String, TaskQuery> query) {
            this.priority = priority;
            this.color = color;
            this.adminOnly = adminOnly;
            this.query = query;
        }

        private static TaskQuery mine(TaskQuery q) {
            return q.processDefinitionKey(MaterialReviewProcess.KEY)
                    .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
                    .includeAssignedTasks();
        }
    }

    private final FilterService filterService;
    private final TaskService taskService;
    private final Messages messages;
    private final SetupLock setupLock;
    private final Seasons seasons;

    ReviewFilters(FilterService filterService, TaskService taskService, Messages messages, SetupLock setupLock,
                  Seasons seasons) {
        this.seasons = seasons;
        this.filterService = filterService;
        this.taskService = taskService;
        this.messages = messages;
        this.setupLock = setupLock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void setUpAtStart() {
        setupLock.run("Tasklist filters", this::ensureAll);
    }

    /**
     * Creates the missing filters and updates the ones whose name, query or properties changed; an unchanged filter
     * is not written (two nodes rewriting the same filters collided on its revision). A second filter for the same
     * key, left by an earlier start, is deleted.
     */
    public void ensureAll() {
        String season = seasons.currentCode();
        for (Spec spec : Spec.values()) {
            Filter wanted = filterService.newTaskFilter();
            describe(spec, wanted, season);
            List<Filter> found = findAll(spec);
            if (found.isEmpty()) {
                filterService.saveFilter(wanted);
                continue;
            }
            Filter kept = found.get(0);
            found.subList(1, found.size()).forEach(duplicate -> filterService.deleteFilter(duplicate.getId()));
            if (!sameAs(kept, wanted)) {
                describe(spec, kept, season);
                filterService.saveFilter(kept);
            }
        }
    }

    private void describe(Spec spec, Filter filter, String season) {
        filter.setName(messages.get(Messages.DEFAULT_LOCALE, "review.filter." + spec.name() + ".name", season));
        filter.setOwner(null);
        filter.setQuery(spec.query.apply(taskService.createTaskQuery(), season));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(KEY_PROPERTY, spec.name());
        properties.put("description", messages.get(Messages.DEFAULT_LOCALE, "review.filter." + spec.name() + ".description", season));
        properties.put("priority", spec.priority);
        properties.put("color", spec.color);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", MaterialReviewProcess.VAR_SITE_CODE, "label", messages.get(Messages.DEFAULT_LOCALE, "review.filter.variable.siteCode")),
                Map.of("name", MaterialReviewProcess.VAR_DISTRICT_CODE, "label", messages.get(Messages.DEFAULT_LOCALE, "review.filter.variable.districtCode")),
                Map.of("name", MaterialReviewProcess.VAR_SEASON_CODE, "label", messages.get(Messages.DEFAULT_LOCALE, "review.filter.variable.seasonCode"))));
        filter.setProperties(properties);
    }

    /** Compared as the engine stores them (the query and the properties as JSON). */
    private static boolean sameAs(Filter stored, Filter wanted) {
        FilterEntity a = (FilterEntity) stored;
        FilterEntity b = (FilterEntity) wanted;
        return Objects.equals(a.getName(), b.getName()) && Objects.equals(a.getOwner(), b.getOwner())
                && Objects.equals(a.getQueryInternal(), b.getQueryInternal())
                && Objects.equals(a.getPropertiesInternal(), b.getPropertiesInternal());
    }

    /** The ids of the filters every reviewer group may read. */
    List<String> reviewerFilterIds() {
        return java.util.Arrays.stream(Spec.values()).filter(s -> !s.adminOnly)
                .map(this::find).flatMap(Optional::stream).map(Filter::getId).toList();
    }

    Optional<Filter> find(Spec spec) {
        return findAll(spec).stream().findFirst();
    }

    /** The filters with this key, by id, so every node keeps the same one. */
    private List<Filter> findAll(Spec spec) {
        return filterService.createTaskFilterQuery().list().stream()
                .filter(f -> f.getProperties() != null && spec.name().equals(f.getProperties().get(KEY_PROPERTY)))
                .sorted(Comparator.comparing(Filter::getId))
                .toList();
    }
}
